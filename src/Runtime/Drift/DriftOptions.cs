using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;

namespace McpFleet.Drift;

/// <summary>
/// What the runtime does when a server's live tool definitions differ from the snapshot its typed proxies were
/// generated from: an action per <see cref="DriftClass"/>, what a block refuses, and overrides per server. Validated
/// when the <see cref="FleetRuntime"/> starts.
/// </summary>
public sealed class DriftOptions
{
    /// <summary>The action for compatible changes (a new tool, a new optional parameter). Default: <see cref="DriftAction.Allow"/>.</summary>
    public DriftAction Compatible { get; set; } = DriftAction.Allow;

    /// <summary>The action for breaking changes (a tool or parameter removed, a type changed, a new required
    /// parameter). Default: <see cref="DriftAction.Block"/>.</summary>
    public DriftAction Breaking { get; set; } = DriftAction.Block;

    /// <summary>The action for annotation escalations (e.g. read-only → destructive). Default: <see cref="DriftAction.Block"/>.</summary>
    public DriftAction AnnotationEscalation { get; set; } = DriftAction.Block;

    /// <summary>The action for changed descriptions and titles. Default: <see cref="DriftAction.Warn"/>.</summary>
    public DriftAction DescriptionChange { get; set; } = DriftAction.Warn;

    /// <summary>What a block refuses: the affected tools or the whole server. Default: <see cref="DriftBlockScope.Tools"/>.</summary>
    public DriftBlockScope BlockScope { get; set; } = DriftBlockScope.Tools;

    /// <summary>
    /// How often a server's tools are listed again, to see changes no <c>list_changed</c> notification announced (a
    /// server may change silently, or, on Streamable HTTP at 2026-07-28, have no stream to announce on). Each wait is
    /// shortened by up to a tenth at random, so servers are not all listed at once; a change is seen within the
    /// interval. Default: 5 min.
    /// </summary>
    public TimeSpan RelistInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Which servers are listed every <see cref="RelistInterval"/>. Default: <see cref="RelistMode.WhenToolsCanChange"/>.</summary>
    public RelistMode Relist { get; set; } = RelistMode.WhenToolsCanChange;

    /// <summary>
    /// The shortest time between two re-checks of one server prompted by its <c>list_changed</c> notifications:
    /// notifications that arrive meanwhile are answered by one more re-check, so a flood of them costs a bounded
    /// number of <c>tools/list</c> requests. Default: 1 s.
    /// </summary>
    public TimeSpan MinRecheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a server's verdict may be when a destructive tool (by the stricter of its snapshot and live hints) is
    /// called; an older one is checked again, with the live definition, before the call is sent.
    /// <see cref="Timeout.InfiniteTimeSpan"/> never checks before a call. Default: 1 min.
    /// </summary>
    public TimeSpan DestructiveCallMaxCheckAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Overrides by server name: a server's own name is looked up first, then the snapshot server it is a
    /// replica of. What an override leaves unset comes from these options.</summary>
    public IDictionary<string, DriftServerOptions> Servers { get; } = new Dictionary<string, DriftServerOptions>(StringComparer.Ordinal);

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An action or scope is undefined, or an override is empty or unnamed.</exception>
    public void Validate()
    {
        Check<DriftAction>(Compatible, nameof(Compatible), "");
        Check<DriftAction>(Breaking, nameof(Breaking), "");
        Check<DriftAction>(AnnotationEscalation, nameof(AnnotationEscalation), "");
        Check<DriftAction>(DescriptionChange, nameof(DescriptionChange), "");
        Check<DriftBlockScope>(BlockScope, nameof(BlockScope), "");
        Check<RelistMode>(Relist, nameof(Relist), "");
        CheckPositive(RelistInterval, nameof(RelistInterval));
        CheckPositive(MinRecheckInterval, nameof(MinRecheckInterval));
        CheckPositive(DestructiveCallMaxCheckAge, nameof(DestructiveCallMaxCheckAge));
        foreach (var (name, server) in Servers)
        {
            if (string.IsNullOrEmpty(name) || server is null)
            {
                throw new ValidationException($"Drift.{nameof(Servers)} needs a server name and options for each entry; '{name}' has {(server is null ? "none" : "no name")}.");
            }

            var where = $"{nameof(Servers)}['{name}'].";
            Check<DriftAction>(server.Compatible, nameof(Compatible), where);
            Check<DriftAction>(server.Breaking, nameof(Breaking), where);
            Check<DriftAction>(server.AnnotationEscalation, nameof(AnnotationEscalation), where);
            Check<DriftAction>(server.DescriptionChange, nameof(DescriptionChange), where);
            Check<DriftBlockScope>(server.BlockScope, nameof(BlockScope), where);
            Check<RelistMode>(server.Relist, nameof(Relist), where);
        }
    }

    /// <summary>The policy that applies to <paramref name="server"/>: its override, its service's, or these options.</summary>
    internal DriftPolicy PolicyFor(ServerDefinition server)
    {
        var own = Servers.TryGetValue(server.Name, out var byName) ? byName
            : Servers.TryGetValue(server.Service, out var byService) ? byService
            : null;
        return new DriftPolicy(
            own?.Compatible ?? Compatible,
            own?.Breaking ?? Breaking,
            own?.AnnotationEscalation ?? AnnotationEscalation,
            own?.DescriptionChange ?? DescriptionChange,
            own?.BlockScope ?? BlockScope);
    }

    /// <summary>The relist mode of <paramref name="server"/>: its override, its service's, or these options'.</summary>
    internal RelistMode RelistFor(ServerDefinition server) =>
        (Servers.TryGetValue(server.Name, out var byName) ? byName.Relist : null)
        ?? (Servers.TryGetValue(server.Service, out var byService) ? byService.Relist : null)
        ?? Relist;

    private static void CheckPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ValidationException($"Drift.{name} must be positive or infinite; it is {value}.");
        }
    }

    private static void Check<TEnum>(TEnum? value, string name, string where)
        where TEnum : struct, Enum
    {
        if (value is { } defined && !Enum.IsDefined(defined))
        {
            throw new ValidationException($"Drift.{where}{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}; it is {defined}.");
        }
    }
}
