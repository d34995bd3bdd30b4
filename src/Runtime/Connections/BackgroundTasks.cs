using System.Collections.Concurrent;

namespace McpFleet.Connections;

/// <summary>Work left running in the background, so that its owner can wait for all of it before it is gone.</summary>
internal sealed class BackgroundTasks
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Keeps <paramref name="task"/> until it completes; returns it.</summary>
    public Task Track(Task task)
    {
        _running.TryAdd(task, true);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Completes when every task tracked so far has.</summary>
    public Task WhenAllAsync() => Task.WhenAll(_running.Keys);
}
