using FleetDemo;
using McpFleet.Snapshots;
using McpFleet.Tools;

// The typed proxies used below (Fleet, fleet.Alpha.MathCalcAsync, …) are generated at build time from the snapshots in
// samples/FleetDemo/snapshots. `--capture` recaptures those snapshots from the running servers first (into
// `--snapshots DIR` if given): an unchanged server leaves its file untouched.
var snapshotDirectory = args.SkipWhile(a => a != "--snapshots").Skip(1).FirstOrDefault() ?? DemoPaths.SnapshotDirectory;
Console.WriteLine("Starting the sample servers: alpha (stdio), beta (Streamable HTTP), gamma (SSE)...");
await using var servers = await DemoServers.StartAsync(snapshotDirectory);

if (args.Contains("--capture"))
{
    await using var capturer = new SnapshotCapturer();
    foreach (var server in servers.Definitions)
    {
        var (path, result) = await SnapshotFiles.WriteAsync(snapshotDirectory, await capturer.CaptureAsync(server));
        Console.WriteLine($"  {result.ToString().ToLowerInvariant()} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
    }
}

await using var fleet = Fleet.Create(servers.ToOptions());

var math = await fleet.Alpha.MathCalcAsync("2 × (3 + 4) − −1");
Console.WriteLine($"fleet.Alpha.MathCalcAsync(\"{math.Expression}\")  ->  {math.Result}");

var time = await fleet.Beta.GetTimeAsync("Europe/Oslo");
Console.WriteLine($"fleet.Beta.GetTimeAsync(\"Europe/Oslo\")  ->  {time.Local} ({time.Timezone}; UTC {time.Utc})");

var files = await fleet.Gamma.ListFilesAsync();
Console.WriteLine($"fleet.Gamma.ListFilesAsync()  ->  {string.Join(", ", files.Entries.Select(e => $"{e.Name} ({e.Size} bytes)"))}");

foreach (var echo in await Task.WhenAll(fleet.Alpha.EchoAsync("hello from alpha"), fleet.Beta.EchoAsync("hello from beta"), fleet.Gamma.EchoAsync("hello from gamma")))
{
    Console.WriteLine($"EchoAsync  ->  {echo.Text}");
}

try
{
    await fleet.Alpha.MathCalcAsync("1 / (2 - 2)");
}
catch (ToolErrorException error)
{
    Console.WriteLine($"fleet.Alpha.MathCalcAsync(\"1 / (2 - 2)\")  ->  {error.GetType().Name}: {error.Message}");
}
