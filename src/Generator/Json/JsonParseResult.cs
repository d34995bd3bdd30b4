namespace McpFleet.Generator.Json;

/// <summary>The outcome of parsing a text: a root value, or the first syntax error.</summary>
internal sealed class JsonParseResult
{
    private JsonParseResult(JsonNode? root, JsonSyntaxError? error)
    {
        Root = root;
        Error = error;
    }

    public JsonNode? Root { get; }

    public JsonSyntaxError? Error { get; }

    public static JsonParseResult Success(JsonNode root) => new(root, null);

    public static JsonParseResult Failure(JsonSyntaxError error) => new(null, error);
}
