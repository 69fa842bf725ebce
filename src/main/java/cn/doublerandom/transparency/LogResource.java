package cn.doublerandom.transparency;

import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.portal.PortalService;
import cn.doublerandom.portal.PublicDraw;
import cn.doublerandom.transparency.log.LogProofs;
import cn.doublerandom.transparency.log.PeerWitness;
import cn.doublerandom.transparency.log.Witnesses;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The transparency log for anyone (docs/transparency-log.md §7): signed checkpoints, inclusion and
 * consistency proofs, and the leaf hashes of any range of records. Hashes are standard base64, as
 * in a checkpoint. Record texts are not served here: a draw's are public with the draw, once it is.
 */
@Path("/public/v1/log")
@Tag(name = "Transparency log")
@PermitAll
public class LogResource {

    private static final String NOTE = MediaType.TEXT_PLAIN + ";charset=utf-8";

    @Inject
    LogProofs log;

    @Inject
    PortalService portal;

    @Inject
    PeerWitness peers;

    @GET
    @Path("/checkpoint")
    @Produces(NOTE)
    @Operation(operationId = "getLatestCheckpoint", summary = "The latest signed checkpoint (c2sp.org/tlog-checkpoint): origin, tree size, root hash, signatures")
    @APIResponse(responseCode = "200", description = "The checkpoint, a signed note", content = @Content(mediaType = NOTE,
            schema = @Schema(type = SchemaType.STRING)))
    public Response latest() {
        return Response.ok(log.cosigned(log.latest())).header("Cache-Control", "public, max-age=10").build();
    }

    @GET
    @Path("/checkpoints/{size}")
    @Produces(NOTE)
    @Operation(operationId = "getCheckpoint", summary = "The signed checkpoint of one tree size")
    @APIResponse(responseCode = "200", description = "The checkpoint, a signed note", content = @Content(mediaType = NOTE,
            schema = @Schema(type = SchemaType.STRING)))
    public Response checkpoint(@PathParam("size") String size) {
        // not immutable: witnesses' cosignatures are added later
        return Response.ok(log.cosigned(log.ofSize(LogProofs.number("size", size))))
                .header("Cache-Control", "public, max-age=60").build();
    }

    @POST
    @Path("/cosignatures")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCosignature", summary = "A configured witness's cosignature: one of this log's checkpoints, as a signed note carrying the "
            + "witness's signature line; refused (409) unless this log's tree has that root at that size and is consistent "
            + "with every checkpoint the witness cosigned before")
    public Witnesses.Cosigned cosign(String note) {
        if (note == null || note.isEmpty()) {
            throw ProblemException.invalid("note", "the body is the cosigned checkpoint note");
        }
        return log.cosign(note);
    }

    @GET
    @Path("/key")
    @Produces(NOTE)
    @Operation(operationId = "getLogKey", summary = "The log's verifier key, <name>+<key hash>+<base64 key> (compare it with the one the bureau publishes)")
    public String key() {
        return log.verifierKey() + "\n";
    }

    @GET
    @Path("/proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInclusionProof", summary = "The inclusion proof of ledger record seq (leaf seq - 1) in the tree of a size (default: the latest checkpoint's)")
    public LogProofs.Inclusion inclusion(@QueryParam("seq") String seq, @QueryParam("size") String size) {
        if (seq == null) {
            throw ProblemException.invalid("seq", "seq is required");
        }
        return log.inclusion(LogProofs.number("seq", seq), size == null ? null : LogProofs.number("size", size));
    }

    @GET
    @Path("/proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsistencyProof", summary = "The consistency proof from the tree of size 'from' to the tree of size 'to' (default: the latest checkpoint's)")
    public LogProofs.Consistency consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null) {
            throw ProblemException.invalid("from", "from is required");
        }
        return log.consistency(LogProofs.number("from", from), to == null ? null : LogProofs.number("to", to));
    }

    @GET
    @Path("/draws/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDrawInclusionProofs", summary = "The inclusion proofs of a public draw's ledger records in the tree of a size (default: the latest checkpoint's)")
    public LogProofs.DrawProofs draw(@PathParam("id") String id, @QueryParam("size") String size) {
        PublicDraw draw = portal.draw(id);
        List<Long> seqs = draw.records().stream().map(PublicDraw.Record::seq).toList();
        return log.ofRecords(id, seqs, size == null ? null : LogProofs.number("size", size));
    }

    @GET
    @Path("/leaves")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listLogLeaves", summary = "The leaf hashes of records from seq 'from' on, or after the seq 'after' (the 'next' of the "
            + "previous page), at most 'limit' (1 to 1000, default 100)")
    public Page<LogProofs.Leaf> leaves(@QueryParam("from") String from, @QueryParam("after") String after,
                                       @QueryParam("limit") String limit) {
        long first = from == null ? 1 : LogProofs.number("from", from);
        long max = limit == null ? Page.DEFAULT_LIMIT : LogProofs.number("limit", limit);
        if (first < 1) {
            throw ProblemException.invalid("from", "from is a record's seq, 1 or more");
        }
        if (max < 1 || max > Page.MAX_LIMIT) {
            throw ProblemException.invalid("limit", "limit must be between 1 and " + Page.MAX_LIMIT);
        }
        if (after != null) {
            if (from != null) {
                throw ProblemException.invalid("after", "give from or after, not both");
            }
            long last = LogProofs.number("after", after);
            if (last < 0) {
                throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
            }
            first = last + 1;
        }
        // one leaf more than asked says whether there is a next page
        return Page.of(log.leaves(first, (int) max + 1), (int) max, l -> Long.toString(l.seq()));
    }

    @GET
    @Path("/peers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listWitnessedPeers", summary = "The peers' logs this service witnesses, each with its latest check: the size "
            + "checked and whether it was consistent with what was cosigned before and cosigned (size -1: nothing checked yet)")
    public Page<PeerWitness.Check> peers(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(peers.latest(), limit, after, PeerWitness.Check::peer);
    }
}
