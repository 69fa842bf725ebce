package cn.doublerandom.draw.engine;

import java.util.function.IntBinaryOperator;

/**
 * A stable merge sort of {@code int} indices by a comparator over what they index: the JDK sorts
 * {@code int[]} only in their natural order, and boxing a province's indices to sort them as objects would
 * make the garbage packed ids exist to avoid.
 */
public final class IndexSort {
    private static final int RUN = 16;

    private IndexSort() {
    }

    /** Sorts {@code a} in place so that {@code order.applyAsInt(a[i], a[i + 1]) <= 0}; equal elements keep their order. */
    public static void sort(int[] a, IntBinaryOperator order) {
        int n = a.length;
        for (int lo = 0; lo < n; lo += RUN) {
            insertionSort(a, lo, Math.min(lo + RUN, n), order);
        }
        int[] src = a;
        int[] dst = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                merge(src, dst, lo, mid, hi, order);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static void insertionSort(int[] a, int lo, int hi, IntBinaryOperator order) {
        for (int i = lo + 1; i < hi; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= lo && order.applyAsInt(a[j], x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, IntBinaryOperator order) {
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            // the left run wins ties: stable
            if (j >= hi || (i < mid && order.applyAsInt(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }
}
