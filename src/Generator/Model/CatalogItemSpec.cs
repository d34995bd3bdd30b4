using McpFleet.Generator.Diagnostics;

namespace McpFleet.Generator.Model;

/// <summary>
/// A prompt, resource or resource template of a server, kept only to compare it with other servers' definitions of
/// the same name or URI (no code is generated for them yet).
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Key">The prompt's name, the resource's URI or the template's URI template.</param>
/// <param name="DefinitionJson">The definition without its documentation, as canonical JSON.</param>
/// <param name="Location">Where the key is written in the snapshot.</param>
internal sealed record CatalogItemSpec(CatalogItemKind Kind, string Key, string DefinitionJson, SourceLocation Location);
