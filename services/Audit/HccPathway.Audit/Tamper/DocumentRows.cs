using Marten;

namespace HccPathway.Audit.Tamper;

/// <summary>
/// Stores many documents of one type with one statement: a multi-row upsert queued on the session, where Marten's
/// <c>Store</c> sends one upsert per document. The rows are what Marten's own upsert writes (its serializer's JSON, the
/// .NET type name, a new version), so Marten reads them back as its own.
/// </summary>
public static class DocumentRows
{
    public static void Upsert<T>(IDocumentOperations operations, IReadOnlyCollection<T> documents, Func<T, Guid> id)
        where T : notnull
    {
        if (documents.Count == 0)
        {
            return;
        }

        var options = operations.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var serializer = options.Serializer();
        var ids = documents.Select(id).ToArray();
        var bodies = documents.Select(d => serializer.ToJson(d)).ToArray();

        // One array parameter each (an array passed alone would be spread over the placeholders).
        operations.QueueSqlCommand(
            $"insert into {table} (id, data, mt_dotnet_type, mt_version, mt_last_modified) " +
            "select id, data::jsonb, ?, md5(random()::text || clock_timestamp()::text)::uuid, transaction_timestamp() " +
            "from unnest(?::uuid[], ?::text[]) as rows(id, data) " +
            "on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, " +
            "mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified",
            new object[] { typeof(T).FullName!, ids, bodies });
    }
}
