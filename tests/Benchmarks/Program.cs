using System.Globalization;
using BenchmarkDotNet.Running;
using McpFleet.Benchmarks.Failover;
using McpFleet.Benchmarks.Stdio;

if (args is ["failover", .. var rest])
{
    await FailoverBench.RunAsync(TimeSpan.FromSeconds(rest is [var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 10));
    return;
}

if (args is ["stdio", .. var options])
{
    var rounds = options is [var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
    var seconds = options is [_, var s] ? int.Parse(s, CultureInfo.InvariantCulture) : 3;
    await StdioBench.RunAsync(rounds, TimeSpan.FromSeconds(seconds));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(McpFleet.Benchmarks.CallBenchmarks).Assembly).Run(args);
