using System.Security.Cryptography;
using System.Text;

namespace McpFleet.SampleServer.Hosting;

/// <summary>The secret every HTTP request must present (<c>--auth-token-env</c>); <see cref="ToString"/> never shows it.</summary>
internal sealed class BearerToken(string value)
{
    private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(value);

    /// <summary>Whether <paramref name="presented"/> is the token, compared in constant time.</summary>
    /// <remarks>
    /// The time taken does not depend on how many leading bytes of a guess are right; only a length mismatch returns early,
    /// which reveals the token's length and nothing else.
    /// </remarks>
    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _utf8);

    // ServerOptions is a record whose generated ToString lists every property; this keeps the token out of anything that prints it.
    public override string ToString() => "(redacted)";
}
