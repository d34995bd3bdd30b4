using System.Diagnostics;
using System.Globalization;

namespace McpFleet.Testing;

/// <summary>
/// Freezes a process with SIGSTOP until disposed (SIGCONT): it keeps its sockets and pipes open but answers nothing,
/// like a server stuck in a long pause.
/// </summary>
public sealed class FrozenProcess : IDisposable
{
    private readonly int _processId;

    private FrozenProcess(int processId)
    {
        _processId = processId;
        Signal("STOP", processId);
    }

    public static FrozenProcess Freeze(int processId) => new(processId);

    public void Dispose() => Signal("CONT", _processId);

    private static void Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
