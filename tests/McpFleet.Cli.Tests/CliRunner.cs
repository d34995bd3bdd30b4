using System.Diagnostics;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests;

/// <summary>What one run of <c>mcpfleet</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string AllText => Output + Error;

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the CLI in-process (fast, plain output) or as the real <c>mcpfleet</c> process.</summary>
internal static class CliRunner
{
    // Only against hangs: a capture that needs anywhere near this long is broken.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromMinutes(3);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using StringWriter output = new(), error = new();
        using CancellationTokenSource timeout = new(s_hangGuard);
        var exitCode = await CliApplication.RunAsync(args, CliConsole.Plain(output, error), timeout.Token);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>McpFleet.Cli.dll</c> in a child process with output redirected, as CI and scripts do.</summary>
    public static Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProcessAsync(new CliProcessOptions { Environment = environment }, args);

    /// <summary>Runs <c>McpFleet.Cli.dll</c> in a child process, writes <see cref="CliProcessOptions.StandardInput"/> to it and
    /// closes its input, as a script piping commands to <c>mcpfleet repl</c> does.</summary>
    public static async Task<CliResult> RunProcessAsync(CliProcessOptions options, params string[] args)
    {
        var startInfo = CreateStartInfo(options.Environment, args);
        startInfo.RedirectStandardInput = true;
        if (options.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = options.WorkingDirectory;
        }

        using var process = Process.Start(startInfo)!;
        using CancellationTokenSource timeout = new(s_hangGuard);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.StandardInput.WriteAsync(options.StandardInput.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>How <c>McpFleet.Cli.dll</c> is started in a child process, with every stream redirected but input.</summary>
    public static ProcessStartInfo CreateStartInfo(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        ProcessStartInfo startInfo = new(SampleServerProcess.DotNetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "McpFleet.Cli.dll"));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}

/// <summary>How <see cref="CliRunner.RunProcessAsync(CliProcessOptions, string[])"/> starts the CLI.</summary>
internal sealed record CliProcessOptions
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Written to the process's input, which is then closed.</summary>
    public string StandardInput { get; init; } = "";

    public string? WorkingDirectory { get; init; }
}
