using McpFleet.Connections;
using McpFleet.Tools;
using ModelContextProtocol;

namespace McpFleet.Cli.Repl;

/// <summary>The failures a server or a call can meet, which the REPL reports as one line and goes on.</summary>
internal static class ServerFailures
{
    /// <summary>Whether <paramref name="exception"/> is a failure of a server or a call, not a bug of the REPL.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is ReplException or ToolException or ServerConnectionException or McpException or TimeoutException;

    /// <summary>
    /// Whether <paramref name="exception"/> is <see cref="IsExpected">expected</see>, or the runtime's word for a server
    /// that left the fleet while a command used it (<see cref="InvalidOperationException"/>, <see cref="ObjectDisposedException"/>).
    /// </summary>
    public static bool IsExpectedOrServerGone(Exception exception) =>
        IsExpected(exception) || exception is InvalidOperationException or ObjectDisposedException;

    /// <summary>The message of <paramref name="exception"/> on one line.</summary>
    public static string Describe(Exception exception) => OneLine(exception.Message);

    /// <summary><paramref name="text"/> with its lines joined, so that every error is one line.</summary>
    public static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
