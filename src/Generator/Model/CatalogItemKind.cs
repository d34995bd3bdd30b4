namespace McpFleet.Generator.Model;

/// <summary>The kinds of definitions besides tools that servers may share by name or URI.</summary>
internal enum CatalogItemKind
{
    Prompt,
    Resource,
    ResourceTemplate,
}
