using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>run_command</c> tool: runs a program in the root directory; enabled only by <c>--allow-run-command</c>.</summary>
internal sealed class RunCommandTool(string workingDirectory)
{
    private const int MaxTimeoutSeconds = 600;

    public McpServerTool Create() => McpServerTool.Create(RunAsync, new McpServerToolCreateOptions
    {
        Name = ToolNames.RunCommand,
        Title = "Run command",
        Description = "Runs an executable directly, without a shell, in the server's root directory and returns its exit code and output " +
            $"(each stream cut after {CommandRunner.MaxOutputChars} characters). On timeout the whole process tree is killed.",
        ReadOnly = false,
        Idempotent = false,
        Destructive = true,
        OpenWorld = true,
        UseStructuredContent = true,
    });

    private async Task<CommandResult> RunAsync(
        [Description("The executable: a name looked up on PATH, or a path.")] string command,
        [Description("The arguments, passed as they are (no shell quoting, globbing or expansion).")] string[]? arguments = null,
        [Description("Seconds to wait before the process tree is killed (1-600).")] int timeoutSeconds = 30,
        CancellationToken cancellationToken = default)
    {
        if (timeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            throw new McpException($"timeoutSeconds must be between 1 and {MaxTimeoutSeconds}, not {timeoutSeconds}.");
        }

        try
        {
            return await CommandRunner.RunAsync(
                command, arguments ?? [], workingDirectory, TimeSpan.FromSeconds(timeoutSeconds), cancellationToken);
        }
        catch (Win32Exception exception)
        {
            throw new McpException($"Could not start '{command}': {exception.Message}", exception);
        }
        catch (TimeoutException exception)
        {
            throw new McpException(exception.Message, exception);
        }
    }
}
