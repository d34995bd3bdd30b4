using McpFleet.Calls;
using McpFleet.Registry;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet.Aggregation;

/// <summary>What a fan-out needs from its runtime.</summary>
/// <param name="Registry">The fleet's servers.</param>
/// <param name="Invoker">The call path every target goes through, as a call named to it alone.</param>
/// <param name="Settings">The targets' per-tool settings.</param>
/// <param name="CallTimeout">A server's call timeout.</param>
/// <param name="ListTools">A server's live tool list (reused while its caching hints allow).</param>
/// <param name="Time">The fleet's clock.</param>
/// <param name="Telemetry">The fleet's metrics.</param>
/// <param name="Logger">The runtime's logger.</param>
internal sealed record FanOutContext(
    ServerRegistry Registry,
    CallInvoker Invoker,
    CallSettingsTable Settings,
    Func<ServerEntry, TimeSpan> CallTimeout,
    Func<ServerEntry, CancellationToken, Task<IReadOnlyList<Tool>>> ListTools,
    TimeProvider Time, FleetTelemetry Telemetry, ILogger Logger);
