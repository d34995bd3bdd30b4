using System.Diagnostics;
using System.Text;
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Transports;

/// <summary>
/// Starts a stdio server as a child process and speaks MCP over its standard input and output, one JSON message per
/// line. Unlike the SDK's stdio transport it starts the process with a scoped environment (<see cref="StdioEnvironment"/>)
/// and bounds what it reads: a line on standard output longer than the server's message limit, or a line on standard
/// error longer than <see cref="StandardErrorReader.MaxLineLength"/>, is never buffered.
/// </summary>
internal sealed class StdioProcessTransport(ServerDefinition server, long maxMessageSize, ILoggerFactory? loggerFactory) : IClientTransport
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Name => server.Name;

    public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return Task.FromResult<ITransport>(new StdioProcessSession(server.Name, process, maxMessageSize, loggerFactory));
    }

    private ProcessStartInfo StartInfo()
    {
        var (command, arguments) = OperatingSystem.IsWindows() && !string.Equals(Path.GetFileName(server.Command), "cmd.exe", StringComparison.OrdinalIgnoreCase)
            // Windows starts npx, uvx and other scripts only through the shell, as the SDK's own stdio transport does.
            ? ("cmd.exe", ["/c", server.Command!, .. server.Arguments.Select(WindowsShell.Escape)])
            : (server.Command!, server.Arguments.AsEnumerable());
        var startInfo = new ProcessStartInfo
        {
            FileName = command,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = server.WorkingDirectory ?? Environment.CurrentDirectory,
            StandardInputEncoding = s_utf8,
            StandardOutputEncoding = s_utf8,
            StandardErrorEncoding = s_utf8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in StdioEnvironment.For(server))
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
