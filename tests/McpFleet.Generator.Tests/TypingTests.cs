using System.Text.Json;
using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Testing;

namespace McpFleet.Generator.Tests;

/// <summary>
/// The typed forms of unions, maps, one-or-many, value-or-JSON-string, <c>$defs</c> with recursion and shared shapes,
/// run: a real payload read into the generated types and written back is the same JSON, unknown union cases and extra
/// properties included. <c>Typing/typing.snapshot.json</c> uses every construct in both directions (its golden file
/// shows the generated code).
/// </summary>
public sealed class TypingTests : IDisposable
{
    private const string Document = """
        {"edits":[{"type":"insert","at":3,"text":"hi"},{"type":"delete","from":1,"to":2},{"type":"move","by":4}],"parent":{"type":"workspace"},"limit":"all","mode":"fast","tags":["a","b"],"filter":{"field":"x","equals":"y"},"counts":{"a":1,"b":2},"owners":{"x":{"name":"Ann","email":"a@x","team":"core"}},"metadata":{"k":[1,null]},"tree":{"label":"root","children":[{"label":"leaf","children":[]}]},"author":{"name":"Bo"},"reviewer":{"name":"Cy"},"payload":null,"reactions":"reactions--1","extra":{"kept":true}}
        """;

    private readonly CompiledFleet _fleet = CompiledFleet.Generate(new SnapshotInput(
        "/snapshots/typing.snapshot.json",
        File.ReadAllText(Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Typing", "typing.snapshot.json")),
        ServerName: "test"));

    [Fact]
    public void A_document_read_and_written_back_is_the_same_json()
    {
        var document = CompiledFleet.Get(_fleet.ReadResult("EchoDocumentResult", $$"""{"document":{{Document}}}"""), "Document");

        var written = CompiledFleet.WriteArguments(_fleet.Create("EchoDocumentArguments", ("Document", document)));

        Assert.Equal($$"""{"document":{{Document}}}""", written);
    }

    [Fact]
    public void Union_cases_are_chosen_by_their_constant_or_shape_and_unknown_ones_are_kept()
    {
        var document = ReadDocument("""{"edits":[{"type":"delete","from":1,"to":2},{"type":"move","by":4}],"parent":{"database_id":"d"},"payload":1}""");

        var edits = ((System.Collections.IEnumerable)CompiledFleet.Get(document, "Edits")!).Cast<object>().ToList();
        Assert.Equal(_fleet.Type("Edit+Delete"), edits[0].GetType());
        Assert.Equal(2L, CompiledFleet.Get(edits[0], "To"));
        Assert.Equal("delete", CompiledFleet.Get(edits[0], "Type"));
        Assert.Equal(_fleet.Type("Edit+Unknown"), edits[1].GetType());
        Assert.Equal("""{"type":"move","by":4}""", ((JsonElement)CompiledFleet.Get(edits[1], "Value")!).GetRawText());
        Assert.Equal(_fleet.Type("DocumentParent+WithDatabaseId"), CompiledFleet.Get(document, "Parent")!.GetType());
        Assert.Equal(_fleet.Type("DocumentParent+Workspace"), CompiledFleet.Get(ReadDocument("""{"edits":[],"parent":{"type":"workspace"},"payload":1}"""), "Parent")!.GetType());
    }

    [Fact]
    public void Other_wire_forms_the_schema_allows_are_read()
    {
        var document = ReadDocument("""{"edits":[],"tags":"solo","filter":"{\"field\":\"f\"}","limit":5,"payload":{}}""");

        Assert.Equal(["solo"], (IReadOnlyList<string>)CompiledFleet.Get(document, "Tags")!);
        Assert.Equal("f", CompiledFleet.Get(CompiledFleet.Get(document, "Filter")!, "Field"));
        Assert.Equal(5L, CompiledFleet.Get(CompiledFleet.Get(document, "Limit")!, "Integer"));
        Assert.Null(CompiledFleet.Get(CompiledFleet.Get(document, "Limit")!, "String"));
    }

    [Fact]
    public void Arguments_built_from_the_typed_forms_write_what_the_schema_allows()
    {
        var insert = _fleet.Create("Edit+Insert", ("At", 1L), ("Text", "x"));
        var limit = Activator.CreateInstance(_fleet.Type("DocumentLimit"), "all");
        using var payload = JsonDocument.Parse("[true]");
        var document = _fleet.Create(
            "Document",
            ("Edits", CompiledFleet.List(_fleet.Type("Edit"), insert)),
            ("Limit", limit),
            ("Tags", (string[])["one"]),
            ("Counts", new Dictionary<string, long> { ["z"] = 2, ["a"] = 1 }),
            ("Payload", payload.RootElement),
            ("Reactions", _fleet.Enum("DocumentReactions", "ReactionsPlus1")));

        Assert.Equal(
            """{"document":{"edits":[{"type":"insert","at":1,"text":"x"}],"limit":"all","tags":["one"],"counts":{"z":2,"a":1},"payload":[true],"reactions":"reactions-\u002B1"}}""",
            CompiledFleet.WriteArguments(_fleet.Create("EchoDocumentArguments", ("Document", document))));
    }

    [Fact]
    public void Shapes_are_shared_and_named_after_their_definitions()
    {
        // $defs names, one type for the input and the output schema, and one for two properties of one shape.
        Assert.Equal(_fleet.Type("Document"), _fleet.Type("EchoDocumentArguments").GetProperty("Document")!.PropertyType);
        Assert.Equal(_fleet.Type("Document"), _fleet.Type("EchoDocumentResult").GetProperty("Document")!.PropertyType);
        Assert.Equal(_fleet.Type("Person"), _fleet.Type("Document").GetProperty("Reviewer")!.PropertyType);
        Assert.Equal(_fleet.Type("Node"), _fleet.Type("Node").GetProperty("Children")!.PropertyType.GetGenericArguments()[0]);
        Assert.Equal(["ReactionsPlus1", "ReactionsMinus1", "M15", "Value1", "Value1_5"], Enum.GetNames(_fleet.Type("DocumentReactions")));
        Assert.Equal(typeof(JsonElement), _fleet.Type("Document").GetProperty("Payload")!.PropertyType);
    }

    public void Dispose() => _fleet.Dispose();

    private object ReadDocument(string json) => CompiledFleet.Get(_fleet.ReadResult("EchoDocumentResult", $$"""{"document":{{json}}}"""), "Document")!;
}
