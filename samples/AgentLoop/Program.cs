using System.Text.Json;
using AgentLoop;
using McpFleet.Snapshots;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

// An agent loop over a fleet: a (scripted) model uses the tools of three servers through FunctionInvokingChatClient; the
// destructive one runs only after this application approves it, and a server's question is answered by it too.
// `--capture` recaptures the snapshots the typed fleet is generated from (samples/AgentLoop/snapshots) first.
var notes = Directory.CreateTempSubdirectory("agentloop-notes-");
try
{
    foreach (var (name, text) in new[] { ("draft.txt", "an old draft"), ("groceries.txt", "milk, bread"), ("ideas.md", "# ideas") })
    {
        await File.WriteAllTextAsync(Path.Join(notes.FullName, name), text);
    }

    if (args.Contains("--capture"))
    {
        var snapshots = Path.Join(AppContext.BaseDirectory, "..", "..", "..", "snapshots");
        await using var capturer = new SnapshotCapturer();
        foreach (var server in TidyUpAgent.Servers(notes.FullName))
        {
            var (path, result) = await SnapshotFiles.WriteAsync(snapshots, await capturer.CaptureAsync(server));
            Console.WriteLine($"  {result.ToString().ToLowerInvariant()} {Path.GetFullPath(path)}");
        }
    }

    var interactive = !Console.IsInputRedirected;
    await using var fleet = Fleet.Create(TidyUpAgent.Options(notes.FullName, (request, _) =>
    {
        Console.WriteLine($"[{request.ServerName} asks] {request.Parameters.Message}");
        var answer = interactive ? Console.ReadLine() ?? "" : "draft.txt";
        Console.WriteLine(interactive ? "" : $"[application answers] {answer}");
        return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["answer"] = JsonSerializer.SerializeToElement(answer) } });
    }));

    Console.WriteLine($"User: {TidyUpAgent.Request}");
    var conversation = await TidyUpAgent.RunAsync(fleet, TidyUpAgent.Model(), request =>
    {
        var call = (FunctionCallContent)request.ToolCall;
        Console.Write($"[approval] {call.Name} {JsonSerializer.Serialize(call.Arguments)} may destroy data. Run it? [y/N] ");
        var approved = interactive ? string.Equals(Console.ReadLine(), "y", StringComparison.OrdinalIgnoreCase) : true;
        Console.WriteLine(interactive ? "" : "y (non-interactive)");
        return approved;
    });

    foreach (var call in conversation.SelectMany(message => message.Contents).OfType<FunctionCallContent>())
    {
        Console.WriteLine($"  tool call: {call.Name}");
    }

    Console.WriteLine($"Assistant: {conversation[^1].Text}");
    Console.WriteLine($"Notes left: {string.Join(", ", notes.EnumerateFiles().Select(file => file.Name).Order(StringComparer.Ordinal))}");
}
finally
{
    notes.Delete(recursive: true);
}
