using Microsoft.Extensions.AI;

namespace McpFleet.AI;

/// <summary>The fleet's tools for Microsoft.Extensions.AI: <c>ChatOptions.Tools</c> for an <see cref="IChatClient"/>
/// wrapped in a <c>FunctionInvokingChatClient</c>.</summary>
public static class FleetAITools
{
    /// <summary>
    /// The fleet's tools as <see cref="AITool"/>s: each a <see cref="FleetAIFunction"/>, wrapped in an
    /// <see cref="ApprovalRequiredAIFunction"/> when it may be destructive (unless
    /// <see cref="FleetAIToolOptions.ApprovalNotRequired"/> says otherwise). See <see cref="FleetAIToolOptions"/> for
    /// selection and search.
    /// </summary>
    /// <typeparam name="TFleet">The generated fleet type.</typeparam>
    /// <param name="fleet">The fleet.</param>
    /// <param name="options">Which tools, approval and search; by default every tool, the unified ones in place of their members.</param>
    /// <param name="cancellationToken">Cancels reading the live hints.</param>
    /// <returns>The tools, in ordinal order of their names; with <see cref="ToolSearchMode.Local"/>, a list that grows
    /// as the model finds tools.</returns>
    /// <exception cref="ArgumentException">The options name a server or tool the fleet does not have.</exception>
    /// <exception cref="NotSupportedException">The fleet was created over a runtime of the application's own (a fake).</exception>
    public static Task<IList<AITool>> GetAIToolsAsync<TFleet>(this TFleet fleet, FleetAIToolOptions? options = null, CancellationToken cancellationToken = default)
        where TFleet : IFleet<TFleet>
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var runtime = fleet.Runtime as FleetRuntime
            ?? throw new NotSupportedException($"The fleet's tools for a model are called through its {nameof(FleetRuntime)}; this fleet was created over a {fleet.Runtime.GetType().Name}.");
        return runtime.GetAIToolsAsync(TFleet.Manifest, options, cancellationToken);
    }

    /// <summary>The tools of <paramref name="manifest"/>, called through <paramref name="runtime"/>; see
    /// <see cref="GetAIToolsAsync{TFleet}(TFleet, FleetAIToolOptions?, CancellationToken)"/>.</summary>
    /// <param name="runtime">The runtime the tools are called through.</param>
    /// <param name="manifest">The manifest the runtime was created with.</param>
    /// <param name="options">Which tools, approval and search.</param>
    /// <param name="cancellationToken">Cancels reading the live hints.</param>
    /// <exception cref="ArgumentException">The options name a server or tool the manifest does not have.</exception>
    public static async Task<IList<AITool>> GetAIToolsAsync(this FleetRuntime runtime, FleetManifest manifest, FleetAIToolOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new FleetAIToolOptions();
        if (options.Search == ToolSearchMode.Local && options.SearchResultLimit < 1)
        {
            throw new ArgumentException($"{nameof(FleetAIToolOptions.SearchResultLimit)} must be at least 1; it is {options.SearchResultLimit}.", nameof(options));
        }

        var catalog = ToolCatalog.Read(manifest);
        CheckNames(options, catalog, manifest);
        var names = SelectedNames(options, catalog);

        var instances = runtime.GetServerStatuses();
        var configured = instances.Select(status => status.Service).ToHashSet(StringComparer.Ordinal);
        var tagged = instances.Where(status => status.Tags.Any(options.Tags.Contains)).Select(status => status.Service).ToHashSet(StringComparer.Ordinal);
        // A tool is judged by the servers it can reach: a unified tool routes only among its configured members.
        var candidates = catalog
            .Select(entry => (entry, servers: entry.Members.Select(member => member.ServerName).Where(configured.Contains).ToList()))
            .Where(tool => tool.servers.Count > 0
                && (names.Count == 0 || names.Contains(tool.entry.Name))
                && (options.Servers.Count == 0 || tool.servers.All(options.Servers.Contains))
                && (options.Tags.Count == 0 || tool.servers.All(tagged.Contains)))
            .Select(tool => tool.entry)
            .ToList();

        // A server's copy of a unified tool is left out when the unified tool is offered, unless asked for.
        var routed = candidates.Where(entry => entry.Group is not null).SelectMany(entry => entry.Members).ToHashSet();
        var selected = candidates.Where(entry => names.Count > 0 || options.IncludeGroupMembers || entry.Tool is null || !routed.Contains(entry.Tool)).ToList();

        var services = selected.SelectMany(entry => entry.Members).Select(member => member.ServerName).ToHashSet(StringComparer.Ordinal);
        var live = options.UseLiveHints ? await LiveHints.ReadAsync(runtime, services, cancellationToken).ConfigureAwait(false) : LiveHints.None;

        var tools = new List<AITool>();
        foreach (var entry in selected)
        {
            var function = new FleetAIFunction(runtime, entry.Name, entry.Definition, entry.Tool, entry.Group, live.For(entry.Members));
            if ((options.ReadOnly && !function.Hints.IsReadOnly) || options.Filter?.Invoke(function) == false)
            {
                continue;
            }

            tools.Add(function.Hints.IsDestructive && !options.ApprovalNotRequired.Contains(function.Name) ? new ApprovalRequiredAIFunction(function) : function);
        }

        return options.Search switch
        {
            ToolSearchMode.Hosted => [.. tools, HostedSearch(tools)],
            ToolSearchMode.Local => LocalSearch(tools, options.SearchResultLimit),
            _ => tools,
        };
    }

#pragma warning disable MEAI001 // Experimental in Microsoft.Extensions.AI; chosen explicitly with ToolSearchMode.Hosted.
    private static HostedToolSearchTool HostedSearch(List<AITool> tools) => new() { DeferredTools = [.. tools.Select(tool => tool.Name)] };
#pragma warning restore MEAI001

    private static GrowingToolList LocalSearch(List<AITool> tools, int limit)
    {
        var offered = new GrowingToolList([]);
        offered.Add(new FindToolsFunction(tools, offered, limit));
        return offered;
    }

    /// <summary>The model-facing names of the tools picked by name and by descriptor.</summary>
    private static HashSet<string> SelectedNames(FleetAIToolOptions options, IReadOnlyList<ToolCatalog.Entry> catalog)
    {
        var names = new HashSet<string>(options.Names, StringComparer.Ordinal);
        names.UnionWith(catalog.Where(entry => (entry.Tool is { } tool && options.Tools.Contains(tool)) || (entry.Group is { } group && options.UnifiedTools.Contains(group))).Select(entry => entry.Name));
        return names;
    }

    /// <summary>Names that match nothing are mistakes: report them rather than quietly offer fewer tools.</summary>
    private static void CheckNames(FleetAIToolOptions options, IReadOnlyList<ToolCatalog.Entry> catalog, FleetManifest manifest)
    {
        var names = catalog.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var unknownTools = options.Names.Concat(options.ApprovalNotRequired).Where(name => !names.Contains(name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknownTools.Count > 0)
        {
            throw new ArgumentException($"The fleet has no tool named {string.Join(", ", unknownTools.Select(n => $"'{n}'"))}; model-facing names are 'server__tool', or a unified tool's name.", nameof(options));
        }

        // A descriptor of another fleet, or of a tool left out of the manifest (a merged group, a trimmed tool), is a mistake too.
        var unknownDescriptors = options.Tools.Where(tool => !catalog.Any(entry => tool.Equals(entry.Tool))).Select(tool => $"'{tool.ServerName}/{tool.ToolName}'")
            .Concat(options.UnifiedTools.Where(group => !catalog.Any(entry => group.Equals(entry.Group))).Select(group => $"unified '{group.ToolName}'"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknownDescriptors.Count > 0)
        {
            throw new ArgumentException($"The fleet offers a model no tool {string.Join(", ", unknownDescriptors)}: the descriptors are not this fleet's, or their tools have no definition a model can read.", nameof(options));
        }

        var servers = manifest.Servers.Select(server => server.Name).ToHashSet(StringComparer.Ordinal);
        var unknownServers = options.Servers.Where(name => !servers.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknownServers.Count > 0)
        {
            throw new ArgumentException($"The fleet has no server named {string.Join(", ", unknownServers.Select(n => $"'{n}'"))}; it has {string.Join(", ", servers.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}.", nameof(options));
        }
    }
}
