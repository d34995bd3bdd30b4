using System.Collections.Immutable;
using McpFleet.Configuration;

namespace McpFleet.Registry;

/// <summary>
/// The fleet's servers by name and by service (the snapshot server they answer for). Readers see an immutable
/// <see cref="Snapshot"/>, so routing never takes a lock and a call's candidates are rebuilt only when it changes;
/// changes are serialised.
/// </summary>
internal sealed class ServerRegistry(Func<ServerDefinition, ServerEntry> create)
{
    private readonly Lock _gate = new();
    private Snapshot _current = Snapshot.Empty;

    /// <summary>The membership now.</summary>
    public Snapshot Current => Volatile.Read(ref _current);

    /// <summary>Every server, in no particular order.</summary>
    public IEnumerable<ServerEntry> All => Current.ByName.Values;

    public ServerEntry? Find(string name) => Current.Find(name);

    /// <summary>The servers answering for <paramref name="service"/>: the server of that name and its replicas, by name.</summary>
    public ImmutableArray<ServerEntry> InstancesOf(string service) => Current.InstancesOf(service);

    /// <summary>Adds a server.</summary>
    /// <exception cref="InvalidOperationException">A server of that name exists.</exception>
    public ServerEntry Add(ServerDefinition definition)
    {
        lock (_gate)
        {
            if (_current.ByName.ContainsKey(definition.Name))
            {
                throw new InvalidOperationException($"Server '{definition.Name}' is already in the fleet.");
            }

            var entry = create(definition);
            Publish(_current.ByName.Add(definition.Name, entry));
            return entry;
        }
    }

    /// <summary>Takes a server out of the registry; the caller drains and disposes it.</summary>
    public ServerEntry? Remove(string name)
    {
        lock (_gate)
        {
            if (!_current.ByName.TryGetValue(name, out var entry))
            {
                return null;
            }

            Publish(_current.ByName.Remove(name));
            return entry;
        }
    }

    /// <summary>Puts a changed definition in place of the current one; the caller drains and disposes the old entry.</summary>
    public (ServerEntry? Old, ServerEntry New) Replace(ServerDefinition definition)
    {
        lock (_gate)
        {
            var old = _current.ByName.GetValueOrDefault(definition.Name);
            var entry = create(definition);
            Publish(_current.ByName.SetItem(definition.Name, entry));
            return (old, entry);
        }
    }

    private void Publish(ImmutableDictionary<string, ServerEntry> byName) => Volatile.Write(ref _current, new Snapshot(byName));

    /// <summary>The fleet's membership at one moment.</summary>
    internal sealed class Snapshot
    {
        private readonly ImmutableDictionary<string, ImmutableArray<ServerEntry>> _byService;

        public Snapshot(ImmutableDictionary<string, ServerEntry> byName)
        {
            ByName = byName;
            _byService = byName.Values
                .GroupBy(entry => entry.Definition.Service, StringComparer.Ordinal)
                .ToImmutableDictionary(group => group.Key, group => group.OrderBy(entry => entry.Name, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        }

        public static Snapshot Empty { get; } = new(ImmutableDictionary.Create<string, ServerEntry>(StringComparer.Ordinal));

        public ImmutableDictionary<string, ServerEntry> ByName { get; }

        public IEnumerable<string> Names => ByName.Keys;

        public ServerEntry? Find(string name) => ByName.GetValueOrDefault(name);

        public ImmutableArray<ServerEntry> InstancesOf(string service) => _byService.GetValueOrDefault(service, []);
    }
}
