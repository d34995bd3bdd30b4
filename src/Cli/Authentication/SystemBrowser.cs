using System.ComponentModel;
using System.Diagnostics;

namespace McpFleet.Cli.Authentication;

/// <summary>Opens a URL in the user's browser: <c>$BROWSER</c> when set, otherwise the platform's opener.</summary>
internal static class SystemBrowser
{
    public static Task OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        var (command, arguments) = Environment.GetEnvironmentVariable("BROWSER") is { Length: > 0 } browser ? (browser, new[] { url.AbsoluteUri })
            : OperatingSystem.IsWindows() ? ("rundll32", ["url.dll,FileProtocolHandler", url.AbsoluteUri])
            : OperatingSystem.IsMacOS() ? ("open", [url.AbsoluteUri])
            : ("xdg-open", [url.AbsoluteUri]);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false });
        }
        catch (Win32Exception)
        {
            // No browser to open: the URL is printed for the user to open.
        }

        return Task.CompletedTask;
    }
}
