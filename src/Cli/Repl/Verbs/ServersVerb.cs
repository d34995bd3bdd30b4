using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using McpFleet.Health;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>servers</c>: each server's health, transport, latency and tool count.</summary>
internal sealed class ServersVerb : ReplVerb
{
    public override string Name => "servers";

    public override string Usage => "servers";

    public override string Summary => "Each server's health, transport, latency (a tools/list round trip now) and tool count.";

    public override bool IsOneShot => true;

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        arguments.ExpectEnd(Usage);

        // Connect first, so that the latency is a tools/list round trip, not the connection (a one-shot command has none
        // yet); failures show in the probes.
        try
        {
            await session.Runtime.ConnectAsync(cancellationToken);
        }
        catch (AggregateException)
        {
        }

        // Listing the tools reconnects to a server if need be, so health is current when read afterwards.
        var probes = await Task.WhenAll(session.Runtime.ServerNames.Select(server => ProbeAsync(session, server, cancellationToken)));
        var statuses = session.Runtime.GetServerStatuses().ToDictionary(status => status.Name, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<Cell>>();
        var json = new JsonArray();
        foreach (var probe in probes.Where(probe => statuses.ContainsKey(probe.Server)))
        {
            var status = statuses[probe.Server];
            var target = session.FindServer(probe.Server) is { } definition ? ServerTargets.Describe(definition) : "";
            rows.Add(
            [
                probe.Server,
                TransportNames.Format(status.Transport),
                new Cell(status.Health.ToString().ToLowerInvariant(), status.Health switch
                {
                    ServerHealth.Healthy => Tone.Good,
                    ServerHealth.Unhealthy => Tone.Bad,
                    _ => Tone.Muted,
                }),
                probe.Latency is { } latency ? DurationText.Format(latency) : "-",
                probe.ToolCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                new Cell(target, Tone.Muted),
            ]);
            json.Add(new JsonObject
            {
                ["name"] = probe.Server,
                ["transport"] = TransportNames.Format(status.Transport),
                ["health"] = status.Health.ToString().ToLowerInvariant(),
                ["connected"] = status.IsConnected,
                ["latencyMs"] = probe.Latency is { } ms ? DurationText.Milliseconds(ms) : null,
                ["tools"] = probe.ToolCount,
                ["target"] = target,
                ["error"] = probe.Error,
            });
        }

        OutputBlock[] blocks = rows.Count == 0
            ? [new TextBlock("No servers; add one with: add <name> <target> [transport]", Tone.Muted)]
            : [new TableBlock(["server", "transport", "health", "latency", "tools", "target"], rows)];
        return new VerbResult(blocks, new JsonObject { ["servers"] = json })
        {
            Problems = [.. probes.Where(probe => probe.Error is not null).Select(probe => probe.Error!)],
        };
    }

    private static async Task<Probe> ProbeAsync(ReplSession session, string server, CancellationToken cancellationToken)
    {
        var started = session.Time.GetTimestamp();
        try
        {
            var tools = await session.Tools.RefreshAsync(server, cancellationToken);
            return new Probe(server, tools.Count, session.Time.GetElapsedTime(started), Error: null);
        }
        catch (Exception e) when (ServerFailures.IsExpectedOrServerGone(e))
        {
            return new Probe(server, ToolCount: null, Latency: null, ServerFailures.Describe(e));
        }
    }

    private sealed record Probe(string Server, int? ToolCount, TimeSpan? Latency, string? Error);
}
