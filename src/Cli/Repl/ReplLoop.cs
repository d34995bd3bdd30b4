using McpFleet.Cli.Repl.Input;
using McpFleet.Cli.Repl.Output;

namespace McpFleet.Cli.Repl;

/// <summary>Runs lines through a session and shows what they produce; a line that fails is one error line, and the
/// session goes on.</summary>
internal static class ReplLoop
{
    /// <summary>Runs every line of <paramref name="input"/> until its end or <c>quit</c>.</summary>
    public static async Task RunAsync(ReplSession session, ILineInput input, IReplRenderer renderer, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if ((await RunLineAsync(session, line, renderer, cancellationToken)).EndsSession)
            {
                return;
            }
        }
    }

    /// <summary>Runs one line.</summary>
    /// <returns>Whether it succeeded without problems, and whether it ends the session.</returns>
    public static async Task<(bool Succeeded, bool EndsSession)> RunLineAsync(ReplSession session, string line, IReplRenderer renderer, CancellationToken cancellationToken)
    {
        try
        {
            if (await session.ExecuteAsync(line, cancellationToken) is not { } result)
            {
                return (true, false);
            }

            renderer.Render(result);
            return (result.Problems.Count == 0, result.EndsSession);
        }
        catch (ReplException e)
        {
            renderer.Error(ServerFailures.OneLine(e.Message));
            return (false, false);
        }
    }
}
