using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using McpFleet.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary>
/// <c>selftest</c>, the classic clients' test mode: connects to every server, lists its tools, and calls each tool that
/// is read-only and needs no arguments, then shows a pass/fail table. Any failure fails the command (<c>mcpfleet
/// selftest</c> and <c>mcpfleet repl --test</c> exit with 1), and each failure names its server.
/// </summary>
internal sealed class SelfTestVerb : ReplVerb
{
    private static readonly JsonElement s_noArguments = JsonDocument.Parse("{}").RootElement.Clone();

    public override string Name => "selftest";

    public override string Usage => "selftest";

    public override string Summary => "Connect to every server, list its tools and call each read-only tool that needs no arguments; a pass/fail table.";

    public override bool IsOneShot => true;

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        arguments.ExpectEnd(Usage);
        var started = session.Time.GetTimestamp();
        var servers = await Task.WhenAll(session.Runtime.ServerNames.Select(server => TestServerAsync(session, server, cancellationToken)));
        List<Check> checks =
        [
            .. session.UnavailableServers.Select(server => new Check(server.Name, "configuration", false, null, server.Reason))
                .Concat(servers.SelectMany(checks => checks))
                .OrderBy(check => check.Server, StringComparer.Ordinal),
        ];
        var failed = checks.Where(check => !check.Passed).ToList();
        var failedServers = failed.Select(check => check.Server).Distinct(StringComparer.Ordinal).ToList();
        var summary = failed.Count == 0
            ? $"{checks.Count} checks passed on {Plural(servers.Length, "server")} ({DurationText.Format(session.Time.GetElapsedTime(started))})."
            : $"{failed.Count} of {checks.Count} checks failed, on {string.Join(", ", failedServers)} ({DurationText.Format(session.Time.GetElapsedTime(started))}).";
        var rows = checks.Select(check => (IReadOnlyList<Cell>)
        [
            check.Server,
            check.Step,
            check.Passed ? new Cell("pass", Tone.Good) : new Cell("FAIL", Tone.Bad),
            check.Latency is { } latency ? DurationText.Format(latency) : "-",
            new Cell(check.Detail, check.Passed ? Tone.Muted : Tone.Bad),
        ]).ToList();
        OutputBlock[] blocks = checks.Count == 0
            ? [new TextBlock("No servers to test.", Tone.Muted)]
            : [new TableBlock(["server", "check", "result", "latency", "detail"], rows), new TextBlock(summary, failed.Count == 0 ? Tone.Good : Tone.Bad)];
        return new VerbResult(blocks, new JsonObject
        {
            ["passed"] = failed.Count == 0,
            ["failedServers"] = new JsonArray([.. failedServers.Select(server => JsonValue.Create(server))]),
            ["checks"] = new JsonArray([.. checks.Select(check => new JsonObject
            {
                ["server"] = check.Server,
                ["check"] = check.Step,
                ["passed"] = check.Passed,
                ["latencyMs"] = check.Latency is { } ms ? DurationText.Milliseconds(ms) : null,
                ["detail"] = check.Detail,
            })]),
        })
        {
            Problems = [.. failed.Select(check => $"selftest: server '{check.Server}': {check.Step} failed: {check.Detail}")],
        };
    }

    /// <summary>One server's checks: listing its tools (which connects), then each argument-free read-only tool in name order.</summary>
    private static async Task<IReadOnlyList<Check>> TestServerAsync(ReplSession session, string server, CancellationToken cancellationToken)
    {
        var started = session.Time.GetTimestamp();
        IReadOnlyList<Tool> tools;
        try
        {
            tools = await session.Tools.RefreshAsync(server, cancellationToken);
        }
        catch (Exception e) when (ServerFailures.IsExpectedOrServerGone(e))
        {
            return [new Check(server, "connect, list tools", false, null, ServerFailures.Describe(e))];
        }

        var callable = tools.Where(IsSafeWithoutArguments).OrderBy(tool => tool.Name, StringComparer.Ordinal).ToList();
        List<Check> checks =
        [
            new(server, "connect, list tools", true, session.Time.GetElapsedTime(started),
                $"{Plural(tools.Count, "tool")}, {callable.Count} read-only without arguments"),
        ];
        foreach (var tool in callable)
        {
            checks.Add(await CallAsync(session, server, tool, cancellationToken));
        }

        return checks;
    }

    private static async Task<Check> CallAsync(ReplSession session, string server, Tool tool, CancellationToken cancellationToken)
    {
        var started = session.Time.GetTimestamp();
        try
        {
            var result = await session.Runtime.CallToolAsync<JsonToolArguments, TextToolResult>(
                new ToolDescriptor(server, tool.Name, ToolHints.From(tool.Annotations)), new JsonToolArguments(s_noArguments), cancellationToken);
            return new Check(server, $"call {tool.Name}", true, session.Time.GetElapsedTime(started), Shorten(result.Text));
        }
        catch (Exception e) when (ServerFailures.IsExpectedOrServerGone(e))
        {
            return new Check(server, $"call {tool.Name}", false, session.Time.GetElapsedTime(started), ServerFailures.Describe(e));
        }
    }

    /// <summary>Read-only by its own word and with no required parameter: calling it with <c>{}</c> changes nothing.</summary>
    private static bool IsSafeWithoutArguments(Tool tool) =>
        tool.Annotations?.ReadOnlyHint == true
        && !(tool.InputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array && required.GetArrayLength() > 0);

    private static string Shorten(string text)
    {
        var line = ServerFailures.OneLine(text);
        return line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 57), "...");
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private sealed record Check(string Server, string Step, bool Passed, TimeSpan? Latency, string Detail);
}
