using System.Diagnostics.CodeAnalysis;

namespace McpFleet.Caching;

/// <summary>
/// Values by key, each fresh for its own time-to-live on the injected clock, bounded by entry count and bytes: the
/// least recently used leave first. Expired values are dropped when looked up or when room is needed.
/// </summary>
/// <remarks>
/// Not Microsoft.Extensions.Caching.Memory: its clock is the legacy <c>ISystemClock</c> rather than a
/// <see cref="TimeProvider"/>, it bounds one size unit only, and it compacts on a background thread, so what a bound
/// evicts, and when, is not deterministic.
/// </remarks>
internal sealed class ExpiringLruStore<TKey, TValue>(int maxEntries, long maxBytes, TimeProvider time)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Slot>> _slots = [];
    private readonly LinkedList<Slot> _byRecency = new();
    private long _bytes;

    /// <summary>The values kept, expired ones included until they are dropped.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>The bytes the kept values count for.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Finds a fresh value and marks it most recently used; drops an expired one.</summary>
    public bool TryGet(TKey key, [NotNullWhen(true)] out TValue? value)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var node))
            {
                if (IsFresh(node.Value))
                {
                    _byRecency.Remove(node);
                    _byRecency.AddFirst(node);
                    value = node.Value.Value;
                    return true;
                }

                Drop(node);
            }
        }

        value = null;
        return false;
    }

    /// <summary>Keeps a value of <paramref name="size"/> bytes for <paramref name="timeToLive"/>, making room by dropping
    /// expired, then least recently used, values. Returns <see langword="false"/> when the value alone exceeds the byte bound.</summary>
    public bool Set(TKey key, TValue value, long size, TimeSpan timeToLive)
    {
        if (size > maxBytes)
        {
            return false;
        }

        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var existing))
            {
                Drop(existing);
            }

            var node = _byRecency.AddFirst(new Slot(key, value, time.GetTimestamp(), timeToLive, size));
            _slots.Add(key, node);
            _bytes += size;
            if (_slots.Count > maxEntries || _bytes > maxBytes)
            {
                DropExpired();
            }

            while (_slots.Count > maxEntries || _bytes > maxBytes)
            {
                Drop(_byRecency.Last!);
            }
        }

        return true;
    }

    /// <summary>Drops the value of <paramref name="key"/>, if any.</summary>
    public void Remove(TKey key)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var node))
            {
                Drop(node);
            }
        }
    }

    /// <summary>Drops every value whose key matches.</summary>
    public void RemoveWhere(Func<TKey, bool> match)
    {
        lock (_gate)
        {
            for (var node = _byRecency.First; node is not null;)
            {
                var next = node.Next;
                if (match(node.Value.Key))
                {
                    Drop(node);
                }

                node = next;
            }
        }
    }

    private bool IsFresh(Slot slot) => time.GetElapsedTime(slot.StoredAt) < slot.TimeToLive;

    private void DropExpired()
    {
        for (var node = _byRecency.Last; node is not null;)
        {
            var previous = node.Previous;
            if (!IsFresh(node.Value))
            {
                Drop(node);
            }

            node = previous;
        }
    }

    private void Drop(LinkedListNode<Slot> node)
    {
        _byRecency.Remove(node);
        _slots.Remove(node.Value.Key);
        _bytes -= node.Value.Size;
    }

    private sealed record Slot(TKey Key, TValue Value, long StoredAt, TimeSpan TimeToLive, long Size);
}
