using System.Globalization;
using BenchmarkDotNet.Running;
using McpFleet.Benchmarks.Failover;

if (args is ["failover", .. var rest])
{
    await FailoverBench.RunAsync(TimeSpan.FromSeconds(rest is [var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 10));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(McpFleet.Benchmarks.CallBenchmarks).Assembly).Run(args);
