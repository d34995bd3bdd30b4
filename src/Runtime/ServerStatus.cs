using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using McpFleet.Configuration;
using McpFleet.Health;

namespace McpFleet;

/// <summary>A point-in-time view of one server of the fleet, e.g. for a status page.</summary>
/// <param name="Name">The fleet's name for the server.</param>
/// <param name="Service">The snapshot server it answers for (itself, or the server it is a replica of).</param>
/// <param name="Transport">How it is reached.</param>
/// <param name="Health">Its health.</param>
/// <param name="HealthSince">When its health last changed.</param>
/// <param name="ConsecutiveFailures">Failures in a row since its last success.</param>
/// <param name="IsConnected">Whether a session is open.</param>
/// <param name="IsWarm">Whether its session is kept open (<see cref="Connections.SessionOptions.WarmSessions"/>).</param>
/// <param name="IdleClosedSessions">How many of its sessions were closed for being idle (<see cref="Connections.SessionOptions.IdleTimeout"/>).</param>
/// <param name="IsDraining">Whether it is leaving the fleet and takes no new calls.</param>
/// <param name="OutstandingRequests">Calls in flight.</param>
/// <param name="LatencyEwma">The moving average of its call latency (zero before the first call).</param>
/// <param name="LastProbeLatency">The latency of its last successful health probe.</param>
/// <param name="Weight">Its share under weighted routing.</param>
/// <param name="Priority">Its rank under priority routing.</param>
/// <param name="Tags">Its tags.</param>
public sealed record ServerStatus(
    string Name,
    string Service,
    TransportKind Transport,
    ServerHealth Health,
    DateTimeOffset HealthSince,
    int ConsecutiveFailures,
    bool IsConnected,
    bool IsWarm,
    int IdleClosedSessions,
    bool IsDraining,
    int OutstandingRequests,
    TimeSpan LatencyEwma,
    TimeSpan? LastProbeLatency,
    int Weight,
    int Priority,
    ImmutableSortedSet<string> Tags)
{
    // The synthesized member printer would show Tags as its type name; everything else it prints as it would.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, Service = {Service}, Transport = {Transport}, Health = {Health}, HealthSince = {HealthSince:O}, ")
            .Append(CultureInfo.InvariantCulture, $"ConsecutiveFailures = {ConsecutiveFailures}, IsConnected = {IsConnected}, IsWarm = {IsWarm}, IdleClosedSessions = {IdleClosedSessions}, IsDraining = {IsDraining}, ")
            .Append(CultureInfo.InvariantCulture, $"OutstandingRequests = {OutstandingRequests}, LatencyEwma = {LatencyEwma}, LastProbeLatency = {LastProbeLatency}, ")
            .Append(CultureInfo.InvariantCulture, $"Weight = {Weight}, Priority = {Priority}, Tags = [{string.Join(", ", Tags)}]");
        return true;
    }
}
