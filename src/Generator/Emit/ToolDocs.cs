using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>Documents a tool's methods: title and hints first, so that IntelliSense shows them at a glance.</summary>
internal static class ToolDocs
{
    /// <summary>The summary: the tool's title (or name), then its declared behaviour, e.g. "Read-only · idempotent".</summary>
    public static string Summary(ToolSpec tool)
    {
        var title = DocText.Inline(tool.Title ?? "") is { Length: > 0 } declared ? declared : DocText.Inline(tool.WireName);
        var hints = Hints(tool.Hints);
        return hints.Length == 0 ? title : $"{title}<para>{hints}</para>";
    }

    /// <summary>The remarks: the description with its line breaks, and where the tool lives.</summary>
    public static string Remarks(ToolSpec tool, string serverName)
    {
        var origin = $"<para>Tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}.</para>";
        var description = tool.Description is null ? "" : DocText.Text(tool.Description);
        return description.Length == 0 ? origin : description + "\n" + origin;
    }

    public static string Returns(ToolSpec tool) => tool.ResultKind switch
    {
        ToolResultKind.Typed => "The tool's structured result.",
        ToolResultKind.Json => "The tool's structured content, as JSON.",
        _ => "The text and content blocks the tool returned.",
    };

    /// <summary>Writes the exceptions <c>FleetRuntime.CallToolAsync</c> documents.</summary>
    public static void WriteExceptions(SourceWriter writer, ToolSpec tool)
    {
        DocWriter.Exception(writer, KnownTypes.ServerConnectionException, "The server could not be reached.");
        DocWriter.Exception(writer, KnownTypes.ToolErrorException, "The tool reported an error.");
        DocWriter.Exception(writer, KnownTypes.ToolCallException, "The server refused the call, or the session ended during it.");
        DocWriter.Exception(writer, KnownTypes.ToolCallTimeoutException, "The server did not answer within the fleet's call timeout.");
        if (tool.ResultKind != ToolResultKind.Text)
        {
            DocWriter.Exception(writer, KnownTypes.ToolResultFormatException, "The result does not match the tool's output schema.");
        }
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
