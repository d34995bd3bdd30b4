using System.Text.Json.Nodes;
using McpFleet.Cli.Repl.Output;
using McpFleet.Configuration;

namespace McpFleet.Cli.Repl.Verbs;

/// <summary><c>add &lt;name&gt; &lt;target&gt; [transport]</c>: a server joins the running fleet.</summary>
internal sealed class AddVerb : ReplVerb
{
    public override string Name => "add";

    public override string Usage => "add <name> <target> [transport]";

    public override string Summary => "Add a server: a URL, host:port with an optional transport (http, streamable-http, sse, ws), or a stdio command line.";

    public override async Task<VerbResult> ExecuteAsync(ReplSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var name = arguments.ReadRequiredWord("server name", Usage);
        var target = arguments.ReadRest();
        if (target.Length == 0)
        {
            throw new ReplException($"Missing target of server '{name}'; usage: {Usage}");
        }

        if (session.FindServer(name) is not null)
        {
            throw new ReplException($"Server '{name}' is already in the fleet; remove it first.");
        }

        var parsed = Parse(name, target, session.DefaultTransport);
        var server = session.SignIn?.Prepare(parsed) ?? parsed;
        await session.Runtime.AddServerAsync(server, cancellationToken);
        int toolCount;
        try
        {
            toolCount = (await session.Tools.RefreshAsync(name, cancellationToken)).Count;
        }
        catch (Exception e) when (ServerFailures.IsExpected(e))
        {
            // A server that cannot be reached is not kept: it would only fail every call routed to it.
            await session.Runtime.RemoveServerAsync(name, cancellationToken);
            throw new ReplException($"Could not add server '{name}': {ServerFailures.Describe(e)}", e);
        }

        var transport = TransportNames.Format(server.Transport);
        return VerbResult.Text(
            $"Added {name} ({transport}, {ServerTargets.Describe(server)}): {toolCount} {(toolCount == 1 ? "tool" : "tools")}.",
            new JsonObject
            {
                ["added"] = new JsonObject { ["name"] = name, ["transport"] = transport, ["target"] = ServerTargets.Describe(server), ["tools"] = toolCount },
            });
    }

    /// <summary>A URL or <c>host:port</c>, optionally followed by a transport; anything else is a stdio command line.</summary>
    private ServerDefinition Parse(string name, string target, TransportKind defaultTransport)
    {
        var words = CommandLineWords.Split(target);
        if (words.Count == 2 && TransportNames.Remote.Contains(words[1], StringComparer.Ordinal))
        {
            var remote = ServerTargets.Create(name, words[0], TransportNames.ParseRemote(words[1]));
            return remote.Transport != TransportKind.Stdio
                ? remote
                : throw new ReplException($"A transport goes with a URL or host:port, not with a command line; usage: {Usage}");
        }

        return ServerTargets.Create(name, words.Count == 1 ? words[0] : target, defaultTransport);
    }
}
