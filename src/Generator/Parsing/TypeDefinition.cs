using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// A type to generate (record, enum, union), as mapping finds it. Structurally equal definitions of a server are one
/// type: a later duplicate forwards to the first (<see cref="Resolve"/>). Names and uses are settled afterwards, from
/// the first use (<see cref="TypeNamer"/>).
/// </summary>
internal sealed class TypeDefinition
{
    public TypeDefinition(DefinitionKind kind, int serial, string toolName, string schemaPath, JsonNode node, string? description, string? preferredName)
    {
        Kind = kind;
        Serial = serial;
        ToolName = toolName;
        SchemaPath = schemaPath;
        Node = node;
        Description = description;
        PreferredName = preferredName;
    }

    public DefinitionKind Kind { get; }

    /// <summary>Identifies the definition in the keys of the types that contain it.</summary>
    public int Serial { get; }

    public string ToolName { get; }

    public string SchemaPath { get; }

    /// <summary>The schema, for the location of rename messages.</summary>
    public JsonNode Node { get; }

    public string? Description { get; }

    /// <summary>A name the schema gives the type: its <c>$defs</c> key or its <c>title</c>.</summary>
    public string? PreferredName { get; }

    /// <summary>A record's properties, in schema order.</summary>
    public List<PropertyDraft> Properties { get; } = [];

    /// <summary>A record's extra properties' type; <see langword="null"/> when the schema allows none.</summary>
    public TypeDraft? AdditionalProperties { get; set; }

    /// <summary>An enum's values, in schema order, without duplicates.</summary>
    public List<JsonString> EnumValues { get; } = [];

    /// <summary>A union's cases, in schema order.</summary>
    public List<CaseDraft> Cases { get; } = [];

    /// <summary>A scalar union's cases: one per JSON kind.</summary>
    public List<TypeDraft> ScalarCases { get; } = [];

    /// <summary>Whether the definition refers to itself: it is never shared, as its key would refer to itself.</summary>
    public bool IsRecursive { get; set; }

    /// <summary>
    /// A recursive definition's identity: its root schema (canonical) and its place in it. Equal roots give equal
    /// recursive types, as the input and output schemas of a tool that echoes a tree do.
    /// </summary>
    public string? RecursionKey { get; set; }

    /// <summary>Whether mapping the definition is finished (a reference to an unfinished one is a recursion).</summary>
    public bool IsComplete { get; set; }

    /// <summary>The structurally equal definition this one gave way to.</summary>
    public TypeDefinition? Forward { get; set; }

    public TypeDefinition Resolve()
    {
        var definition = this;
        while (definition.Forward is { } next)
        {
            definition = next;
        }

        return definition;
    }
}
