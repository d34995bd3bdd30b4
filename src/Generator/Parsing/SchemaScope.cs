using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>One root schema of a tool (its input or output schema) being mapped: what its <c>$ref</c>s resolve against.</summary>
internal sealed class SchemaScope
{
    private string? _canonicalRoot;

    public SchemaScope(JsonObject root, string rootPath, ToolMappingContext context)
    {
        Root = root;
        RootPath = rootPath;
        Context = context;
    }

    public JsonObject Root { get; }

    /// <summary><c>inputSchema</c> or <c>outputSchema</c>: where the root is within the tool.</summary>
    public string RootPath { get; }

    public ToolMappingContext Context { get; }

    /// <summary>The root without its documentation, canonical (see <see cref="SchemaCanonicalizer"/>): a recursive type's identity.</summary>
    public string CanonicalRoot => _canonicalRoot ??= SchemaCanonicalizer.Write(Root);

    /// <summary>The referenced schemas being mapped or mapped, by node: each is mapped once per root.</summary>
    public Dictionary<JsonNode, SchemaMapper.ReferenceState> References { get; } = [];

    /// <summary>How many references are being mapped inside one another.</summary>
    public int ReferenceDepth { get; set; }

    /// <summary>How many schemas are being mapped inside one another, across references.</summary>
    public int MappingDepth { get; set; }

    /// <summary>The objects being merged from their parts (schema, union branch), to stop at a cycle through parts.</summary>
    public HashSet<(JsonNode Schema, JsonNode? Variant)> Merging { get; } = [];

    /// <summary>Records the definition a referenced schema starts, so that a reference back to it is a recursion.</summary>
    public void Enter(JsonNode schema, TypeDefinition definition)
    {
        if (References.TryGetValue(schema, out var state) && state.Type is null && state.Definition is null)
        {
            state.Definition = definition;
        }
    }
}
