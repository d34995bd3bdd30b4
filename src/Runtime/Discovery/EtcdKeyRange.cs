using System.Text;

namespace McpFleet.Discovery;

/// <summary>The keys under a prefix, as etcd's range and watch requests take them: base64 bounds, the end excluded.</summary>
internal sealed record EtcdKeyRange(string Key, string RangeEnd)
{
    /// <summary>
    /// From the prefix to the prefix with its last byte incremented, as etcd's clients compute it. The prefix is UTF-8,
    /// which never holds the byte 0xFF, so the last byte can always be incremented.
    /// </summary>
    public static EtcdKeyRange ForPrefix(string prefix)
    {
        var key = Encoding.UTF8.GetBytes(prefix);
        var end = key.ToArray();
        end[^1]++;
        return new EtcdKeyRange(Convert.ToBase64String(key), Convert.ToBase64String(end));
    }
}
