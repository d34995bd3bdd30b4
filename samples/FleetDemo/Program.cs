using System.Diagnostics;
using FleetDemo;
using FleetDemo.Steps;
using McpFleet.Drift;
using McpFleet.Snapshots;

// The typed proxies used below (Fleet, fleet.Alpha.MathCalcAsync, fleet.MathCalcAsync, ...) are generated at build time
// from the snapshots in samples/FleetDemo/snapshots. `--capture` instead recaptures those snapshots from the servers, as
// released before delta's upgrade (into `--snapshots DIR` if given), and exits: an unchanged server leaves its file untouched.
var total = Stopwatch.StartNew();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Unwinds through the `await using`s below, so every server the demo started is ended.
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

try
{
    if (args.Contains("--capture"))
    {
        var snapshotDirectory = args.SkipWhile(a => a != "--snapshots").Skip(1).FirstOrDefault() ?? DemoPaths.SnapshotDirectory;
        await using var released = await DemoServers.StartAsync(upgradeDelta: false, cancellationToken);
        await using var capturer = new SnapshotCapturer();
        foreach (var server in released.Definitions)
        {
            var (path, result) = await SnapshotFiles.WriteAsync(snapshotDirectory, await capturer.CaptureAsync(server, cancellationToken: cancellationToken), cancellationToken);
            Console.WriteLine($"  {result.ToString().ToLowerInvariant()} {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }

        return 0;
    }

    using var metrics = new MetricsRecorder();
    using var tracer = new ReplicaTracer();
    Console.WriteLine("Starting four replicas of the sample server: alpha (stdio), beta (Streamable HTTP), gamma (SSE), delta (Streamable HTTP, upgraded)...");
    await using var servers = await DemoServers.StartAsync(upgradeDelta: true, cancellationToken);
    await using var fleet = Fleet.Create(servers.ToOptions());
    TaskCompletionSource<DriftDetectedEventArgs> driftDetected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    fleet.Runtime.DriftDetected += (_, e) => driftDetected.TrySetResult(e);
    await fleet.Runtime.ConnectAsync(cancellationToken);
    Console.WriteLine($"Started and connected ({DemoConsole.Milliseconds(total.Elapsed)})");

    await DemoConsole.StepAsync("Typed calls on three transports", () => TypedCallsStep.RunAsync(fleet, cancellationToken));
    await DemoConsole.StepAsync("A unified method routed across replicas", () => RoutedCallsStep.RunAsync(fleet, tracer, cancellationToken));
    await DemoConsole.StepAsync("A replica killed mid-load", () => ReplicaKilledStep.RunAsync(fleet, servers, tracer, cancellationToken));
    await DemoConsole.StepAsync("A fan-out with aggregation", () => FanOutStep.RunAsync(fleet, cancellationToken));
    await DemoConsole.StepAsync("A drifted tool blocked", () => DriftStep.RunAsync(fleet, driftDetected.Task, tracer, cancellationToken));
    await DemoConsole.StepAsync("The metrics it recorded (meter McpFleet)", () =>
    {
        MetricsStep.Run(metrics);
        return Task.CompletedTask;
    });
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    Console.WriteLine("Cancelled; the demo's servers are stopped.");
    return 130;
}

Console.WriteLine();
Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:0.0} s");
return 0;
