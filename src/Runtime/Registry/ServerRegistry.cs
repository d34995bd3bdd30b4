using System.Collections.Immutable;
using McpFleet.Configuration;

namespace McpFleet.Registry;

/// <summary>
/// The fleet's servers by name and by service (the snapshot server they answer for). Readers see an immutable
/// snapshot, so routing never takes a lock; changes are serialised.
/// </summary>
internal sealed class ServerRegistry(Func<ServerDefinition, ServerEntry> create)
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ServerEntry> _byName = ImmutableDictionary.Create<string, ServerEntry>(StringComparer.Ordinal);
    private ImmutableDictionary<string, ImmutableArray<ServerEntry>> _byService = ImmutableDictionary.Create<string, ImmutableArray<ServerEntry>>(StringComparer.Ordinal);

    /// <summary>Every server, in no particular order.</summary>
    public IEnumerable<ServerEntry> All => Volatile.Read(ref _byName).Values;

    public IEnumerable<string> Names => Volatile.Read(ref _byName).Keys;

    public ServerEntry? Find(string name) => Volatile.Read(ref _byName).GetValueOrDefault(name);

    /// <summary>The servers answering for <paramref name="service"/>: the server of that name and its replicas, by name.</summary>
    public ImmutableArray<ServerEntry> InstancesOf(string service) => Volatile.Read(ref _byService).GetValueOrDefault(service, []);

    /// <summary>Adds a server.</summary>
    /// <exception cref="InvalidOperationException">A server of that name exists.</exception>
    public ServerEntry Add(ServerDefinition definition)
    {
        lock (_gate)
        {
            if (_byName.ContainsKey(definition.Name))
            {
                throw new InvalidOperationException($"Server '{definition.Name}' is already in the fleet.");
            }

            var entry = create(definition);
            Publish(_byName.Add(definition.Name, entry));
            return entry;
        }
    }

    /// <summary>Takes a server out of the registry; the caller drains and disposes it.</summary>
    public ServerEntry? Remove(string name)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out var entry))
            {
                return null;
            }

            Publish(_byName.Remove(name));
            return entry;
        }
    }

    /// <summary>Puts a changed definition in place of the current one; the caller drains and disposes the old entry.</summary>
    public (ServerEntry? Old, ServerEntry New) Replace(ServerDefinition definition)
    {
        lock (_gate)
        {
            var old = _byName.GetValueOrDefault(definition.Name);
            var entry = create(definition);
            Publish(_byName.SetItem(definition.Name, entry));
            return (old, entry);
        }
    }

    private void Publish(ImmutableDictionary<string, ServerEntry> byName)
    {
        var byService = byName.Values
            .GroupBy(entry => entry.Definition.Service, StringComparer.Ordinal)
            .ToImmutableDictionary(group => group.Key, group => group.OrderBy(entry => entry.Name, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        Volatile.Write(ref _byService, byService);
        Volatile.Write(ref _byName, byName);
    }
}
