using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>Documents a tool's methods: title and hints first, so that IntelliSense shows them at a glance.</summary>
internal static class ToolDocs
{
    /// <summary>The documentation of a tool method's <c>cancellationToken</c> parameter.</summary>
    public const string CancellationToken = "Cancels the call, on the server too.";

    /// <summary>The documentation of a tool method's <c>progress</c> parameter.</summary>
    public const string Progress = "Receives the progress notifications the server sends while the tool runs; <see langword=\"null\"/> asks for none.";

    /// <summary>The summary: the tool's title (or name), then its declared behaviour, e.g. "Read-only · idempotent".</summary>
    public static string Summary(ToolSpec tool) => Summary(tool.Title, tool.WireName, tool.Hints);

    /// <inheritdoc cref="Summary(ToolSpec)"/>
    public static string Summary(string? title, string wireName, ToolHintsSpec hints)
    {
        var text = DocText.Inline(title ?? "") is { Length: > 0 } declared ? declared : DocText.Inline(wireName);
        var words = Hints(hints);
        return words.Length == 0 ? text : $"{text}<para>{words}</para>";
    }

    /// <summary>The remarks: the description with its line breaks, and where the tool lives.</summary>
    public static string Remarks(ToolSpec tool, string serverName) =>
        Remarks(tool.Description, $"<para>Tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}.</para>");

    /// <param name="description">The tool's description.</param>
    /// <param name="origin">Where the tool lives, as XML content.</param>
    public static string Remarks(string? description, string origin)
    {
        var text = description is null ? "" : DocText.Text(description);
        return text.Length == 0 ? origin : text + "\n" + origin;
    }

    public static string Returns(ToolSpec tool) => Returns(tool.ResultKind);

    public static string Returns(ToolResultKind resultKind) => resultKind switch
    {
        ToolResultKind.Typed => "The tool's structured result.",
        ToolResultKind.Json => "The tool's structured content, as JSON.",
        _ => "The text and content blocks the tool returned.",
    };

    /// <summary>Writes the exceptions <c>FleetRuntime.CallToolAsync</c> documents.</summary>
    public static void WriteExceptions(SourceWriter writer, ToolSpec tool) => WriteExceptions(writer, tool.ResultKind);

    /// <summary>
    /// Writes exactly the exceptions a call can end with, by how far its request got; a unified method throws the same
    /// ones as a server's, however many replicas there are at run time.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="resultKind">How the result is typed.</param>
    public static void WriteExceptions(SourceWriter writer, ToolResultKind resultKind)
    {
        DocWriter.Exception(writer, KnownTypes.ToolNotSentException, "The call was not sent, so nothing ran: no server could take it (unreachable, circuit open, draining, blocked by the drift policy, none configured), its deadline passed first, or the fleet is shutting down.");
        DocWriter.Exception(writer, KnownTypes.ToolErrorException, "The tool ran and reported an error.");
        DocWriter.Exception(writer, KnownTypes.ToolCallException, "The server refused the call or failed handling it.");
        if (resultKind != ToolResultKind.Text)
        {
            DocWriter.Exception(writer, KnownTypes.ToolResultFormatException, "The result does not match the tool's output schema.");
        }

        DocWriter.Exception(writer, KnownTypes.ToolOutcomeUnknownException, "The call was sent but no answer came (the session ended, or the fleet shut down): whether the tool ran is unknown.");
        DocWriter.Exception(writer, KnownTypes.ToolCallTimeoutException, "No answer came within the call's deadline: whether the tool ran is unknown.");
        DocWriter.Exception(writer, KnownTypes.OperationCanceledException, "<paramref name=\"cancellationToken\"/> was cancelled.");
    }

    /// <summary>
    /// The declared hints in words. Read-only implies idempotent and non-destructive (MCP's defaults), so a read-only
    /// tool says "Read-only · idempotent" and nothing about destruction.
    /// </summary>
    private static string Hints(ToolHintsSpec hints)
    {
        var words = new List<string>();
        if (hints.ReadOnly == true)
        {
            words.Add("read-only");
        }
        else if (hints.Destructive is { } destructive)
        {
            words.Add(destructive ? "destructive" : "non-destructive");
        }

        if (hints.ReadOnly == true || hints.Idempotent == true)
        {
            words.Add("idempotent");
        }

        if (hints.OpenWorld is { } openWorld)
        {
            words.Add(openWorld ? "open-world" : "closed-world");
        }

        if (words.Count == 0)
        {
            return "";
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0].Substring(1);
        return string.Join(" · ", words);
    }
}
