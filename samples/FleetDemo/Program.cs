using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.SampleServer.Launching;
using McpFleet.Snapshots;

// The demo fleet: three instances of the sample server with different tools, one per transport.
Console.WriteLine("Starting the sample servers...");
await using var beta = await SampleServerProcess.StartAsync("beta", SampleTransport.Http, ["--tools", "get_time", "echo"]);
await using var gamma = await SampleServerProcess.StartAsync("gamma", SampleTransport.Sse, ["--tools", "list_files", "echo", "--root", AppContext.BaseDirectory]);
var (command, arguments) = SampleServerProcess.StdioCommand("alpha", "--tools", "math_calc", "echo");
ServerDefinition[] fleet =
[
    new() { Name = "alpha", Transport = TransportKind.Stdio, Command = command, Arguments = [.. arguments] },
    new() { Name = "beta", Transport = TransportKind.StreamableHttp, Endpoint = beta.Endpoint },
    new() { Name = "gamma", Transport = TransportKind.Sse, Endpoint = gamma.Endpoint },
];

var snapshotDirectory = DemoPaths.SnapshotDirectory;
Console.WriteLine($"Capturing {fleet.Length} servers into {snapshotDirectory}...");
await using var capturer = new SnapshotCapturer(new ConnectionOptions { ConnectTimeout = TimeSpan.FromSeconds(30) });
var captures = await Task.WhenAll(fleet.Select(async server =>
{
    var snapshot = await capturer.CaptureAsync(server);
    var (path, result) = await SnapshotFiles.WriteAsync(snapshotDirectory, snapshot);
    return (Server: server, Snapshot: snapshot, Path: path, Result: result);
}));

foreach (var (server, snapshot, path, result) in captures)
{
    var tools = string.Join(", ", snapshot.Tools.Select(t => t.GetProperty("name").GetString()));
    Console.WriteLine($"  {server.Name,-6} {server.Transport,-14} protocol {snapshot.ProtocolVersion}  tools: {tools}");
    Console.WriteLine($"         {result.ToString().ToLowerInvariant()} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
}

Console.WriteLine("Done: snapshots are deterministic, so an unchanged server leaves its committed file untouched.");
