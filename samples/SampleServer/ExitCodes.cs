namespace McpFleet.SampleServer;

/// <summary>Process exit codes that callers and tests rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line was invalid (the conventional usage-error code).</summary>
    public const int UsageError = 2;

    /// <summary>The process stopped on purpose after <c>--exit-after</c> tool calls, simulating a crash.</summary>
    public const int InjectedExit = 3;
}
