#if !NET9_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace McpFleet;

/// <summary>.NET 9's <c>Task.WhenEach</c> for the net8.0 build: the tasks in the order they complete.</summary>
internal static class TaskPolyfills
{
    extension(Task)
    {
        public static IAsyncEnumerable<TTask> WhenEach<TTask>(TTask[] tasks)
            where TTask : Task => InCompletionOrder(tasks);
    }

    private static async IAsyncEnumerable<TTask> InCompletionOrder<TTask>(TTask[] tasks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TTask : Task
    {
        var completed = Channel.CreateUnbounded<TTask>(new UnboundedChannelOptions { SingleReader = true });
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(
                static (done, writer) => ((ChannelWriter<TTask>)writer!).TryWrite((TTask)done),
                completed.Writer,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        for (var i = 0; i < tasks.Length; i++)
        {
            yield return await completed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
#endif
