using System.Text.Json;
using ModelContextProtocol;

namespace McpFleet.Connections;

/// <summary>
/// Decides, when an unpinned handshake failed, whether the server is healthy and only the negotiation went wrong, and
/// which revision to pin for a second attempt.
/// </summary>
/// <remarks>
/// The SDK probes with <c>server/discover</c> and falls back to <c>initialize</c> when the probe fails or times out.
/// Two healthy kinds of server defeat that: one that answers the probe after the SDK's timeout (a cold start on a busy
/// machine) has settled on the newest revision and refuses the fallback <c>initialize</c> as an unknown method; one that
/// answers the probe with something unusable (<c>{}</c>) makes the SDK throw instead of falling back.
/// </remarks>
internal static class NegotiationFallback
{
    /// <summary>The revision to pin for a second attempt, or <see langword="null"/> when the failure is not one of negotiation.</summary>
    public static string? RevisionToRetry(Exception failure) => Find(failure) switch
    {
        // Refusing initialize as unknown: the server speaks the discover revision, and answered the probe too late.
        McpProtocolException { ErrorCode: McpErrorCode.MethodNotFound } => ProtocolRevisions.Discover,

        // An answer to the probe that is not a discover result: the server does not really speak that revision.
        JsonException => ProtocolRevisions.NewestWithInitialize,
        _ => null,
    };

    private static Exception? Find(Exception failure)
    {
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            if (current is McpProtocolException or JsonException)
            {
                return current;
            }
        }

        return null;
    }
}
