namespace McpFleet.Cli.Tests.Authentication;

/// <summary>
/// <c>capture</c>, <c>check</c> and the REPL's verbs sign in to a remote server that answers with an OAuth challenge:
/// the authorization-code flow with PKCE through a loopback redirect, the token kept in the user's cache folder (never
/// in the project, a snapshot or the output) and reused by the next run.
/// </summary>
public sealed class OAuthSignInTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _project = new();
    private readonly TemporaryDirectory _tokenCache = new();
    private OAuthProtectedServer? _server;
    private int _browserOpenings;

    private OAuthProtectedServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await OAuthProtectedServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        _project.Dispose();
        _tokenCache.Dispose();
    }

    [Fact]
    public async Task Capture_signs_in_once_keeps_the_token_outside_the_project_and_check_and_tools_reuse_it()
    {
        var config = new McpJson().Remote("protected", "http", Server.McpEndpoint).WriteTo(_project);
        var snapshots = _project.Combine("snapshots");

        var capture = await RunAsync("capture", "--config", config, "--out", snapshots);
        var check = await RunAsync("check", "--config", config, "--snapshots", snapshots);
        var tools = await RunAsync("tools", "protected", "--config", config);

        Assert.True(capture.ExitCode == 0, capture.ToString());
        Assert.Contains("Server 'protected' asks you to sign in. Open this URL in a browser", capture.Error, StringComparison.Ordinal);
        Assert.Contains($"{Server.BaseUri.GetLeftPart(UriPartial.Authority)}/authorize?", capture.Error, StringComparison.Ordinal);
        Assert.Contains("\"whoami\"", await File.ReadAllTextAsync(Path.Join(snapshots, "protected.snapshot.json")), StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.True(tools.ExitCode == 0, tools.ToString());
        Assert.Contains("whoami", tools.Output, StringComparison.Ordinal);

        // One sign-in for the three runs: the later ones used the cached token.
        Assert.Equal(1, Server.Authorizations);
        Assert.Equal(1, _browserOpenings);
        var token = Assert.Single(Server.IssuedTokens);
        var cached = Assert.Single(Directory.GetFiles(_tokenCache.Path, "*", SearchOption.AllDirectories));
        Assert.Contains(token, await File.ReadAllTextAsync(cached), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cached));
        }

        foreach (var file in Directory.GetFiles(_project.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(token, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        Assert.All(new[] { capture, check, tools }, result => Assert.DoesNotContain(token, result.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_sign_in_fails_the_server_with_the_reason()
    {
        var config = new McpJson().Remote("protected", "http", Server.McpEndpoint).WriteTo(_project);

        var capture = await RunAsync(["capture", "--config", config, "--out", _project.Combine("snapshots")], browser: RefuseAsync);

        Assert.True(capture.ExitCode == 1, capture.ToString());
        Assert.Contains("failed  protected: ", capture.Output, StringComparison.Ordinal);
        Assert.Contains("access_denied", capture.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_tokenCache.Path, "*", SearchOption.AllDirectories));
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(args, SignInAsync);

    private async Task<CliResult> RunAsync(string[] args, Func<Uri, CancellationToken, Task> browser)
    {
        using StringWriter output = new(), error = new();
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        var console = CliConsole.Plain(output, error) with { OpenBrowser = browser, TokenCacheDirectory = _tokenCache.Path };
        var exitCode = await CliApplication.RunAsync(args, console, timeout.Token);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>What a browser does for a user who consents: follows the authorization server's redirect to the loopback.</summary>
    private async Task SignInAsync(Uri authorizationUrl, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _browserOpenings);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var approval = await browser.GetAsync(authorizationUrl, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, approval.StatusCode);
        using var callback = await browser.GetAsync(approval.Headers.Location!, cancellationToken);
        Assert.Contains("Signed in to MCP server &#39;protected&#39;", await callback.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }

    /// <summary>A user who declines: the authorization server redirects back with an error instead of a code.</summary>
    private static async Task RefuseAsync(Uri authorizationUrl, CancellationToken cancellationToken)
    {
        var query = System.Web.HttpUtility.ParseQueryString(authorizationUrl.Query);
        using var browser = new HttpClient();
        using var _ = await browser.GetAsync($"{query["redirect_uri"]}?error=access_denied&state={Uri.EscapeDataString(query["state"]!)}", cancellationToken);
    }
}
