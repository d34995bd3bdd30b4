using System.Collections.Immutable;
using McpFleet.Configuration;

namespace McpFleet.Transports;

/// <summary>
/// The environment a stdio server starts with. Inheriting this process's whole environment would hand every server
/// every credential of every other server (each <c>${env:…}</c> in <c>mcp.json</c> names a variable of this process),
/// so a server gets what a process needs to run, plus what its definition opts into and its own variables.
/// </summary>
internal static class StdioEnvironment
{
    // The set the TypeScript, Python and C# MCP SDKs pass by default (getDefaultEnvironment), plus the locale and the
    // temporary folder, which runtimes read to decode text and to write scratch files, and DOTNET_ROOT, which a .NET tool
    // installed as an app host needs to find its runtime. None of them is a credential.
    private static readonly ImmutableArray<string> s_unix =
    [
        "HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER",
        "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ",
        "TMPDIR", "TMP", "TEMP",
        "DOTNET_ROOT",
    ];

    private static readonly ImmutableArray<string> s_windows =
    [
        "APPDATA", "HOMEDRIVE", "HOMEPATH", "LOCALAPPDATA", "PATH", "PATHEXT", "PROCESSOR_ARCHITECTURE", "PROGRAMFILES",
        "SYSTEMDRIVE", "SYSTEMROOT", "TEMP", "TMP", "USERNAME", "USERPROFILE", "COMSPEC", "WINDIR",
        "DOTNET_ROOT",
    ];

    /// <summary>The variables every stdio server inherits, for this operating system.</summary>
    public static ImmutableArray<string> DefaultNames { get; } = OperatingSystem.IsWindows() ? s_windows : s_unix;

    /// <summary>The environment of <paramref name="server"/>'s process.</summary>
    /// <param name="server">The stdio server.</param>
    /// <param name="hostEnvironment">This process's variables; the real environment by default.</param>
    public static IReadOnlyDictionary<string, string> For(ServerDefinition server, IReadOnlyDictionary<string, string>? hostEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        hostEnvironment ??= Current();
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var inherited = server.InheritEnvironment
            ? hostEnvironment
            : DefaultNames.Concat(server.InheritedEnvironmentVariables)
                .Select(name => (Name: name, Found: hostEnvironment.TryGetValue(name, out var value), Value: value))
                .Where(variable => variable.Found)
                .ToDictionary(variable => variable.Name, variable => variable.Value!, comparer);

        var environment = new Dictionary<string, string>(comparer);
        foreach (var (name, value) in inherited)
        {
            // Bash exports functions as variables whose value starts with "()"; a server has no use for them.
            if (!value.StartsWith("()", StringComparison.Ordinal))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in server.EnvironmentVariables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static Dictionary<string, string> Current()
    {
        var variables = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return variables;
    }
}
