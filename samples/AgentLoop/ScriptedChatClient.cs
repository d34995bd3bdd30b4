using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentLoop;

/// <summary>
/// A stand-in for a real model, since none can be reached here: each request is answered by the next turn of a script,
/// which sees the conversation so far (tool results included) and answers with tool calls, by model-facing name, or
/// text. Everything between the model's function call and the server is the real code path.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatMessage>> _turns;
    private readonly List<IReadOnlyList<string>> _offeredTools = [];
    private int _nextCallId;

    /// <param name="turns">The model's turns, in order; each gets the messages sent to the model.</param>
    public ScriptedChatClient(params IEnumerable<Func<IReadOnlyList<ChatMessage>, ChatMessage>> turns) => _turns = new(turns);

    /// <summary>The names of the tools offered with each request, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OfferedTools => _offeredTools;

    /// <summary>Whether every turn was taken.</summary>
    public bool IsFinished => _turns.Count == 0;

    /// <summary>An assistant message calling tools: (model-facing name, arguments).</summary>
    public ChatMessage Call(params (string Tool, Dictionary<string, object?> Arguments)[] calls) =>
        new(ChatRole.Assistant, [.. calls.Select(call => (AIContent)new FunctionCallContent($"call-{++_nextCallId}", call.Tool, call.Arguments))]);

    /// <summary>The result the last call of <paramref name="tool"/> got.</summary>
    public static object? ResultOf(IReadOnlyList<ChatMessage> messages, string tool)
    {
        var call = messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().Last(call => call.Name == tool);
        return messages.SelectMany(message => message.Contents).OfType<FunctionResultContent>().Last(result => result.CallId == call.CallId).Result;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        _offeredTools.Add([.. options?.Tools?.Select(tool => tool.Name) ?? []]);
        if (!_turns.TryDequeue(out var turn))
        {
            throw new InvalidOperationException("The script has no more turns.");
        }

        return Task.FromResult(new ChatResponse(turn([.. messages])) { ModelId = "scripted" });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
