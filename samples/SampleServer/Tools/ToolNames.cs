namespace McpFleet.SampleServer.Tools;

/// <summary>The names of the tools this server can offer.</summary>
internal static class ToolNames
{
    public const string AskModel = "ask_model";
    public const string AskUser = "ask_user";
    public const string Echo = "echo";
    public const string GetTime = "get_time";
    public const string ListFiles = "list_files";
    public const string ListRoots = "list_roots";
    public const string MathCalc = "math_calc";
    public const string RequestHeaders = "request_headers";
    public const string RunCommand = "run_command";
    public const string SendLog = "send_log";
    public const string SetTools = "set_tools";

    /// <summary>Every tool, sorted ordinally.</summary>
    public static IReadOnlyList<string> All { get; } = [AskModel, AskUser, Echo, GetTime, ListFiles, ListRoots, MathCalc, RequestHeaders, RunCommand, SendLog, SetTools];

    /// <summary>
    /// The tools enabled when <c>--tools</c> is not given, sorted ordinally: all but the diagnostic ones and the ones that
    /// ask the client (<see cref="AskModel"/>, <see cref="AskUser"/>, <see cref="ListRoots"/>, <see cref="SendLog"/>), which
    /// tests and samples name explicitly, so that default tool lists and the snapshots captured from them stay as they are.
    /// </summary>
    public static IReadOnlyList<string> Default { get; } = [Echo, GetTime, ListFiles, MathCalc, RunCommand];

    /// <summary>
    /// Whether <paramref name="tool"/> may be served: <see cref="RunCommand"/> needs <c>--allow-run-command</c> and
    /// <see cref="SetTools"/> needs <c>--allow-tool-changes</c>, since they run programs and change the tool list.
    /// </summary>
    public static bool IsPermitted(string tool, bool allowRunCommand, bool allowToolChanges) =>
        (allowRunCommand || tool != RunCommand) && (allowToolChanges || tool != SetTools);
}
