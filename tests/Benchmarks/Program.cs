using System.Globalization;
using BenchmarkDotNet.Running;
using McpFleet.Benchmarks.ConsumerBuild;
using McpFleet.Benchmarks.Failover;
using McpFleet.Benchmarks.Generator;

switch (args)
{
    case ["failover", .. var rest]:
        await FailoverBench.RunAsync(TimeSpan.FromSeconds(rest is [var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 10));
        return 0;
    case ["build", .. var rest]:
        return await ConsumerBuildBench.RunAsync(rest);
    case ["generator", .. var rest]:
        return await GeneratorBench.RunAsync(rest);
    case ["generator-run", var generator, var directory]:
        return GeneratorRun.Run(generator, directory);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(McpFleet.Benchmarks.CallBenchmarks).Assembly).Run(args);
        return 0;
}
