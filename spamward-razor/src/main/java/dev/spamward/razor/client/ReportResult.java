package dev.spamward.razor.client;

/**
 * The outcome of a report or revoke.
 *
 * @param server the nomination server used ({@code null} when the message had no signature)
 * @param signatures how many signatures were sent (report checks or revocations)
 * @param partsWanted how many parts the server asked for with {@code err=230} (report only)
 * @param uploads how many upload batches were sent (report only)
 * @param accepted how many of the server's responses were {@code res=1}
 */
public record ReportResult(ServerAddress server, int signatures, int partsWanted, int uploads, int accepted) {
}
