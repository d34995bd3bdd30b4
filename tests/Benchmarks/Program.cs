using System.Globalization;
using BenchmarkDotNet.Running;
using McpFleet.Benchmarks.ConsumerBuild;
using McpFleet.Benchmarks.Failover;
using McpFleet.Benchmarks.Generator;
using McpFleet.Benchmarks.Stdio;

switch (args)
{
    case ["failover", .. var rest]:
        await FailoverBench.RunAsync(TimeSpan.FromSeconds(rest is [var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 10));
        return 0;
    case ["build", .. var rest]:
        return await ConsumerBuildBench.RunAsync(rest);
    case ["edit", .. var rest]:
        return await EditBuildBench.RunAsync(rest);
    case ["generator", .. var rest]:
        return await GeneratorBench.RunAsync(rest);
    case ["generator-run", var generator, var directory]:
        return GeneratorRun.Run(generator, directory);
    case ["stdio", .. var rest]:
        var rounds = rest is [var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var secondsPerRun = rest is [_, var s] ? int.Parse(s, CultureInfo.InvariantCulture) : 3;
        await StdioBench.RunAsync(rounds, TimeSpan.FromSeconds(secondsPerRun));
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(McpFleet.Benchmarks.CallBenchmarks).Assembly).Run(args);
        return 0;
}
