using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace McpFleet.SampleServer.Tools;

/// <summary>Runs an executable directly (no shell) with bounded output capture, killing its process tree on timeout.</summary>
internal static class CommandRunner
{
    /// <summary>The most characters kept from each of stdout and stderr.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <exception cref="System.ComponentModel.Win32Exception">The executable could not be started.</exception>
    /// <exception cref="TimeoutException">The process did not finish in time; its tree was killed.</exception>
    public static async Task<CommandResult> RunAsync(
        string command, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ProcessStartInfo startInfo = new(command)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            // Redirected so the child cannot read the server's own stdin, which carries the stdio protocol.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        Task<string> stdout = ReadBoundedAsync(process.StandardOutput);
        Task<string> stderr = ReadBoundedAsync(process.StandardError);
        try
        {
            // Output is awaited within the timeout too: a grandchild can hold the pipes open after the child exits.
            await Task.WhenAll(process.WaitForExitAsync(cancellationToken), stdout, stderr)
                .WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"'{command}' did not finish within {timeout.TotalSeconds} s; its process tree was killed."),
                exception);
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        StringBuilder kept = new();
        var buffer = new char[4096];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            // Past the limit the output is still read, so a chatty child never blocks on a full pipe.
            var keep = Math.Min(read, MaxOutputChars - kept.Length);
            kept.Append(buffer, 0, keep);
            truncated |= keep < read;
        }

        return truncated
            ? kept.Append(CultureInfo.InvariantCulture, $"\n[output truncated after {MaxOutputChars} characters]").ToString()
            : kept.ToString();
    }
}

/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">What it wrote to stdout, truncated after <see cref="CommandRunner.MaxOutputChars"/> characters.</param>
/// <param name="Stderr">What it wrote to stderr, truncated likewise.</param>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr);
