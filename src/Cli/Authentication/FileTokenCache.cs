using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Authentication;

namespace McpFleet.Cli.Authentication;

/// <summary>
/// Keeps a remote server's OAuth tokens (and its dynamically registered client) in a file of the user's cache folder,
/// one per server URL, readable by the user only: a sign-in lasts across runs, and a token never lands in the project,
/// a snapshot or the output.
/// </summary>
internal sealed class FileTokenCache(string path) : ITokenCache
{
    /// <summary>The cache file of the server at <paramref name="endpoint"/>: named by a hash of its URL, which may carry
    /// secrets of its own.</summary>
    public static FileTokenCache For(string directory, Uri endpoint) =>
        new(System.IO.Path.Join(directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.AbsoluteUri)))[..32].ToLowerInvariant() + ".json"));

    public string Path { get; } = path;

    public async ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written beside the file and moved over it, so that a reader never sees half a file.
        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, tokens, cancellationToken: cancellationToken);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    public async ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync<TokenContainer>(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // No sign-in yet, or a damaged file: sign in again.
            return null;
        }
    }
}
