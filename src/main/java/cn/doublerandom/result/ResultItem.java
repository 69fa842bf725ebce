package cn.doublerandom.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.List;

/**
 * A row of {@code result_item}: a version's outcome for one item of the draw (检查事项 / 检查结果), with the item
 * named as it was when recorded. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "result_item")
@IdClass(ResultItem.Key.class)
class ResultItem extends PanacheEntityBase {

    /** The primary key (result_id, version, item_id). */
    public record Key(String resultId, int version, long itemId) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }

    @Id
    @Column(name = "result_id")
    public String resultId;

    @Id
    public int version;

    @Id
    @Column(name = "item_id")
    public long itemId;

    /** The item's place among the draw's items, from 1. */
    public int position;

    @Column(name = "item_name")
    public String itemName;

    @Column(name = "sub_item")
    public String subItem;

    public String wording;

    @Column(name = "wording_text")
    public String wordingText;

    /** Every version's outcomes of a result, by version and position. */
    static List<ResultItem> of(String resultId) {
        return list("resultId", Sort.by("version").and("position"), resultId);
    }
}
