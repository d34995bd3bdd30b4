using McpFleet.Caching;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Caching;

/// <summary>The store under the cache: time-to-live on the injected clock, and bounds on entries and bytes.</summary>
public sealed class ExpiringLruStoreTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_value_is_served_until_its_time_to_live_has_passed()
    {
        var store = new ExpiringLruStore<string, string>(10, 1_000, _time);
        store.Set("k", "v", 1, TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.True(store.TryGet("k", out var fresh));
        Assert.Equal("v", fresh);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(store.TryGet("k", out _));
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public void Each_value_keeps_its_own_time_to_live()
    {
        var store = new ExpiringLruStore<string, string>(10, 1_000, _time);
        store.Set("short", "s", 1, TimeSpan.FromSeconds(5));
        store.Set("long", "l", 1, TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(store.TryGet("short", out _));
        Assert.True(store.TryGet("long", out _));
    }

    [Fact]
    public void Past_the_entry_bound_the_least_recently_used_leaves_first()
    {
        var store = new ExpiringLruStore<string, string>(2, 1_000, _time);
        store.Set("a", "1", 1, TimeSpan.FromMinutes(1));
        store.Set("b", "2", 1, TimeSpan.FromMinutes(1));
        Assert.True(store.TryGet("a", out _));

        store.Set("c", "3", 1, TimeSpan.FromMinutes(1));

        Assert.True(store.TryGet("a", out _));
        Assert.False(store.TryGet("b", out _));
        Assert.True(store.TryGet("c", out _));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Past_the_byte_bound_values_leave_until_the_rest_fit()
    {
        var store = new ExpiringLruStore<string, string>(100, 100, _time);
        store.Set("a", "1", 40, TimeSpan.FromMinutes(1));
        store.Set("b", "2", 40, TimeSpan.FromMinutes(1));

        store.Set("c", "3", 70, TimeSpan.FromMinutes(1));

        Assert.False(store.TryGet("a", out _));
        Assert.False(store.TryGet("b", out _));
        Assert.True(store.TryGet("c", out _));
        Assert.Equal(70, store.Bytes);
    }

    [Fact]
    public void A_value_larger_than_the_byte_bound_is_not_kept_and_evicts_nothing()
    {
        var store = new ExpiringLruStore<string, string>(100, 100, _time);
        store.Set("a", "1", 40, TimeSpan.FromMinutes(1));

        Assert.False(store.Set("huge", "h", 101, TimeSpan.FromMinutes(1)));

        Assert.False(store.TryGet("huge", out _));
        Assert.True(store.TryGet("a", out _));
    }

    [Fact]
    public void Expired_values_make_room_before_fresh_ones_are_evicted()
    {
        var store = new ExpiringLruStore<string, string>(2, 1_000, _time);
        store.Set("fresh", "f", 1, TimeSpan.FromMinutes(10));
        store.Set("stale", "s", 1, TimeSpan.FromSeconds(1));
        Assert.True(store.TryGet("stale", out _));
        _time.Advance(TimeSpan.FromSeconds(2));

        store.Set("new", "n", 1, TimeSpan.FromMinutes(10));

        Assert.True(store.TryGet("fresh", out _));
        Assert.True(store.TryGet("new", out _));
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_and_size()
    {
        var store = new ExpiringLruStore<string, string>(10, 1_000, _time);
        store.Set("k", "old", 30, TimeSpan.FromMinutes(1));

        store.Set("k", "new", 10, TimeSpan.FromMinutes(1));

        Assert.True(store.TryGet("k", out var value));
        Assert.Equal("new", value);
        Assert.Equal(1, store.Count);
        Assert.Equal(10, store.Bytes);
    }

    [Fact]
    public void Values_can_be_dropped_by_key()
    {
        var store = new ExpiringLruStore<string, string>(10, 1_000, _time);
        store.Set("a/1", "1", 5, TimeSpan.FromMinutes(1));
        store.Set("a/2", "2", 5, TimeSpan.FromMinutes(1));
        store.Set("b/1", "3", 5, TimeSpan.FromMinutes(1));

        store.RemoveWhere(key => key.StartsWith("a/", StringComparison.Ordinal));

        Assert.False(store.TryGet("a/1", out _));
        Assert.False(store.TryGet("a/2", out _));
        Assert.True(store.TryGet("b/1", out _));
        Assert.Equal(5, store.Bytes);
    }
}
