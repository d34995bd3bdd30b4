using System.Collections;
using Microsoft.Extensions.AI;

namespace McpFleet.AI;

/// <summary>
/// A tool list that <c>find_tools</c> adds to while a function-invoking client reads it: every read sees a whole
/// snapshot (copy on write), so adding during an enumeration is safe.
/// </summary>
internal sealed class GrowingToolList : IList<AITool>
{
    private readonly Lock _gate = new();
    private AITool[] _tools;

    public GrowingToolList(IEnumerable<AITool> tools) => _tools = [.. tools];

    public int Count => Volatile.Read(ref _tools).Length;

    public bool IsReadOnly => false;

    public AITool this[int index]
    {
        get => Volatile.Read(ref _tools)[index];
        set => Update(tools => tools[index] = value);
    }

    /// <summary>Adds the tools not in the list yet (by name); returns those added.</summary>
    public IReadOnlyList<AITool> AddMissing(IEnumerable<AITool> tools)
    {
        lock (_gate)
        {
            var added = tools.Where(tool => !_tools.Any(present => present.Name == tool.Name)).ToArray();
            Volatile.Write(ref _tools, [.. _tools, .. added]);
            return added;
        }
    }

    public void Add(AITool item) => Update(tools => tools.Add(item));

    public void Insert(int index, AITool item) => Update(tools => tools.Insert(index, item));

    public bool Remove(AITool item)
    {
        var removed = false;
        Update(tools => removed = tools.Remove(item));
        return removed;
    }

    public void RemoveAt(int index) => Update(tools => tools.RemoveAt(index));

    public void Clear() => Update(tools => tools.Clear());

    public bool Contains(AITool item) => Volatile.Read(ref _tools).Contains(item);

    public int IndexOf(AITool item) => Array.IndexOf(Volatile.Read(ref _tools), item);

    public void CopyTo(AITool[] array, int arrayIndex) => Volatile.Read(ref _tools).CopyTo(array, arrayIndex);

    public IEnumerator<AITool> GetEnumerator() => ((IEnumerable<AITool>)Volatile.Read(ref _tools)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Update(Action<List<AITool>> change)
    {
        lock (_gate)
        {
            var tools = new List<AITool>(_tools);
            change(tools);
            Volatile.Write(ref _tools, [.. tools]);
        }
    }
}
