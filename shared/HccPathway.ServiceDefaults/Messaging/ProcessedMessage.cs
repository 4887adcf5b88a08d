namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>A message a consumer has already handled. Stored in the same transaction as the handling's effects.</summary>
public sealed record ProcessedMessage(string Id, string Consumer, Guid MessageId, DateTimeOffset ProcessedAt);
